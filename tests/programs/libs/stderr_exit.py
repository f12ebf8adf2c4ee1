import sys
import threading

errors = []


def validate(value):
    if value < 0:
        print(f"negative value: {value}", file=sys.stderr)
        errors.append(value)
    else:
        print(f"ok: {value}", flush=True)


for v in [3, -1, 7]:
    t = threading.Thread(target=validate, args=(v,))
    t.start()
    t.join()

if errors:
    print("exiting with errors", errors)
    sys.exit(1)
print("never printed")
