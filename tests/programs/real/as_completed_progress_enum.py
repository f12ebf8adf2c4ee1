from concurrent.futures import ThreadPoolExecutor, as_completed
from enum import Enum, auto
import time


class Status(Enum):
    OK = auto()
    SLOW = auto()
    FAILED = auto()


def check(host, latency):
    time.sleep(latency)
    if latency > 0.35:
        raise TimeoutError(f"{host} timed out")
    return Status.SLOW if latency > 0.2 else Status.OK


HOSTS = {"alpha": 0.1, "beta": 0.3, "gamma": 0.4, "delta": 0.05, "eps": 0.25}

summary = {s: [] for s in Status}
with ThreadPoolExecutor(max_workers=5) as pool:
    futures = {pool.submit(check, h, l): h for h, l in HOSTS.items()}
    for n, future in enumerate(as_completed(futures), start=1):
        host = futures[future]
        try:
            status = future.result()
        except TimeoutError as e:
            status = Status.FAILED
            print(f"[{n}/{len(futures)}] {host}: {e}")
        else:
            print(f"[{n}/{len(futures)}] {host}: {status.name}")
        summary[status].append(host)

for status, hosts in summary.items():
    print(f"{status.name:<7}{status.value} {', '.join(hosts) or '-'}")
