import threading
import time
from concurrent.futures import ThreadPoolExecutor, CancelledError

started = threading.Event()
release = threading.Event()


def slow(tag):
    started.set()
    release.wait()
    return tag.upper()


executor = ThreadPoolExecutor(max_workers=1)
first = executor.submit(slow, "first")
second = executor.submit(slow, "second")
third = executor.submit(slow, "third")
started.wait()
print("first running:", first.running(), "done:", first.done())
print("second running:", second.running(), "done:", second.done())
print("cancel second:", second.cancel())
print("cancel first:", first.cancel())
executor.shutdown(wait=False, cancel_futures=True)
print("third cancelled:", third.cancelled())
try:
    executor.submit(slow, "fourth")
except RuntimeError as e:
    print("RuntimeError:", e)
release.set()
print("first result:", first.result())
try:
    second.result()
except CancelledError:
    print("second was cancelled")
print("states:", [f.done() for f in (first, second, third)])
print(repr(first)[:8], "...", "state=finished" in repr(first))
