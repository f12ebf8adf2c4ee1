import concurrent.futures as cf
import time


def sleeper(s):
    time.sleep(s)
    return f"slept {s}"


ex = cf.ThreadPoolExecutor(max_workers=1)
first = ex.submit(sleeper, 0.2)
second = ex.submit(sleeper, 0.1)
print("cancel queued:", second.cancel(), second.cancelled())
try:
    print(first.result(timeout=0.05))
except cf.TimeoutError:
    print("timed out waiting; running:", first.running())
print(first.result())
try:
    second.result()
except cf.CancelledError:
    print("second was cancelled")
ex.shutdown(wait=True)
try:
    ex.submit(sleeper, 0)
except RuntimeError as e:
    print("RuntimeError:", e)
for fut in cf.as_completed([first]):
    print("completed:", fut.result(), fut.done())
