import time
from concurrent.futures import ThreadPoolExecutor, wait, FIRST_COMPLETED, ALL_COMPLETED, TimeoutError


def slow(seconds, label):
    time.sleep(seconds)
    return label


executor = ThreadPoolExecutor(max_workers=3)
fs = [executor.submit(slow, 0.3, "slow"), executor.submit(slow, 0.1, "fast"), executor.submit(slow, 0.2, "medium")]
done, not_done = wait(fs, return_when=FIRST_COMPLETED)
print("first finished:", [f.result() for f in done])
print("still running:", len(not_done))

try:
    fs[0].result(timeout=0.05)
except TimeoutError:
    print("slow task not ready yet")

done, not_done = wait(fs, return_when=ALL_COMPLETED)
print("all done:", sorted(f.result() for f in done), len(not_done))
executor.shutdown()
print("shutdown complete")
