import time
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait


def fetch(name, delay):
    time.sleep(delay)
    return f"{name} ({delay}s)"


with ThreadPoolExecutor(max_workers=3) as pool:
    futures = [pool.submit(fetch, n, d) for n, d in [("a", 0.3), ("b", 0.1), ("c", 0.2)]]
    done, pending = wait(futures, return_when=FIRST_COMPLETED)
    print("first done:", [f.result() for f in done])
    print("still pending:", len(pending))
    done, pending = wait(pending)
    print("the rest:", sorted(f.result() for f in done), len(pending))
