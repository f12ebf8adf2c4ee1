import threading

errors = []


def my_hook(args):
    errors.append((args.thread.name, args.exc_type.__name__, str(args.exc_value)))
    print(f"caught in {args.thread.name}: {args.exc_type.__name__}: {args.exc_value}")


threading.excepthook = my_hook


def risky(n):
    if n % 2:
        raise ValueError(f"odd number {n}")
    print(f"task {n} ok")


threads = [threading.Thread(target=risky, args=(i,), name=f"task-{i}") for i in range(4)]
for t in threads:
    t.start()
    t.join()
print("errors collected:", errors)
threading.excepthook = threading.__excepthook__
print("restored:", threading.excepthook is threading.__excepthook__)
