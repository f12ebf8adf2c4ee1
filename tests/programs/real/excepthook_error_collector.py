import threading

errors = []


def collect(args):
    errors.append((args.thread.name, args.exc_type.__name__, str(args.exc_value)))


def parse(text):
    return int(text)


def divide(a, b):
    return a / b


jobs = [("parse-ok", parse, ("42",)), ("parse-bad", parse, ("forty",)),
        ("div-zero", divide, (1, 0)), ("div-ok", divide, (6, 3))]

original = threading.excepthook
threading.excepthook = collect
threads = [threading.Thread(target=fn, args=args, name=name) for name, fn, args in jobs]
for t in threads:
    t.start()
for t in threads:
    t.join()
threading.excepthook = original

for name, kind, msg in errors:
    print(f"{name}: {kind}: {msg}")
print("hook restored:", threading.excepthook is threading.__excepthook__)

