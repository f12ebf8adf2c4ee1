import random
import threading
import time
from collections import deque

random.seed(3)
jobs = deque(random.randint(1, 50) for _ in range(12))
jobs_lock = threading.Lock()
done = []


def worker(wid):
    while True:
        with jobs_lock:
            if not jobs:
                return
            job = jobs.popleft()
        time.sleep(0.001)
        with jobs_lock:
            done.append(job)


print("queued:", list(jobs))
threads = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("finished", len(done), "jobs, left:", len(jobs))
print("sum of jobs:", sum(done))
