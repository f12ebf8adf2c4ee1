import time
from concurrent.futures import ThreadPoolExecutor

started = []


def job(n):
    started.append(n)
    time.sleep(0.1)
    return n


executor = ThreadPoolExecutor(max_workers=2)
futures = [executor.submit(job, i) for i in range(6)]
time.sleep(0.05)
executor.shutdown(wait=False, cancel_futures=True)
cancelled = [f.cancelled() for f in futures]
print("cancelled:", cancelled)
time.sleep(0.2)
print("started:", sorted(started))
print("results:", [f.result() for f in futures if not f.cancelled()])
try:
    executor.submit(job, 99)
except RuntimeError as e:
    print("RuntimeError:", e)
