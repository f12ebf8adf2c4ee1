import threading
import time


def task(duration):
    time.sleep(duration)


start = time.perf_counter()
task(0.1)
task(0.1)
sequential = time.perf_counter() - start

start = time.perf_counter()
threads = [threading.Thread(target=task, args=(0.1,)) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
concurrent = time.perf_counter() - start

print(f"sequential: {sequential:.1f}s")
print(f"threaded:   {concurrent:.1f}s")
print("speedup about", round(sequential / concurrent), "x")
ns = time.perf_counter_ns()
print(type(ns).__name__, time.monotonic() > 0, isinstance(time.time(), float))
