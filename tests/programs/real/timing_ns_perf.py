import threading
import time

durations = {}
lock = threading.Lock()


def work(n):
    t0 = time.perf_counter_ns()
    time.sleep(n / 100)
    t1 = time.perf_counter_ns()
    m0 = time.monotonic_ns()
    with lock:
        durations[n] = (t1 - t0) // 1_000_000
    assert time.monotonic_ns() >= m0


threads = [threading.Thread(target=work, args=(n,)) for n in (3, 1, 2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print({n: d >= n * 10 for n, d in sorted(durations.items())})
stamp = time.strftime("%Y", time.localtime(0))
print("epoch year looks right:", stamp in ("1970", "1969"))
print("time_ns positive:", time.time_ns() > 0)
print(type(time.perf_counter()).__name__, type(time.time_ns()).__name__)
