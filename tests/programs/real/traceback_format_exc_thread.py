import threading
import traceback

errors = []


def parse(value):
    return int(value)


def worker(values):
    for v in values:
        try:
            parse(v)
        except ValueError:
            errors.append(traceback.format_exc())


t = threading.Thread(target=worker, args=(["1", "two", "3"],))
t.start()
t.join()

print(f"{len(errors)} error(s)")
for tb in errors:
    print(tb.strip().splitlines()[-1])
    print("lines:", len(tb.strip().splitlines()))
