import time
from concurrent.futures import ThreadPoolExecutor, as_completed


def work(n):
    time.sleep(0.1)
    return n


with ThreadPoolExecutor(max_workers=1) as ex:
    futures = [ex.submit(work, i) for i in range(4)]
    cancelled = [f.cancel() for f in futures[2:]]
    print("cancel results:", cancelled)
    print("first cancel of running:", futures[0].cancel())
    results = []
    for f in as_completed(futures[:2]):
        results.append(f.result())
    print(sorted(results))
print([f.cancelled() for f in futures], [f.done() for f in futures])
try:
    futures[3].result()
except Exception as e:
    print(type(e).__name__, repr(str(e)))
