import threading
import traceback
import sys

def worker(n):
    try:
        if n == 2:
            raise ValueError(f"bad item {n}")
        print("ok", n)
    except ValueError:
        traceback.print_exc()
        text = traceback.format_exc()
        print("caught:", text.splitlines()[-1])

ts = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
    t.join()
try:
    {}["k"]
except KeyError as e:
    print(traceback.format_exception_only(type(e), e))
    print(traceback.format_exception(e)[-1], end="")
