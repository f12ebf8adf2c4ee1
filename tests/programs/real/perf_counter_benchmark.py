import threading
import time
from functools import reduce


def cpu_task(n):
    return reduce(lambda a, b: (a * 31 + b) % 1_000_003, range(n), 7)


def timed(label, fn):
    start = time.perf_counter()
    result = fn()
    elapsed = time.perf_counter() - start
    print(f"{label:<12} result={result} took {'<' if elapsed < 5 else '>='} 5s")
    return result


def sequential():
    return [cpu_task(2000 + i) for i in range(4)]


def threaded():
    results = [None] * 4

    def run(i):
        results[i] = cpu_task(2000 + i)

    ts = [threading.Thread(target=run, args=(i,)) for i in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return results


a = timed("sequential", sequential)
b = timed("threaded", threaded)
print("same results:", a == b)
print("monotonic never goes back:", time.monotonic() <= time.monotonic())
