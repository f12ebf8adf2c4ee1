import threading
import queue
import time

NUM_WORKERS = 3
jobs = queue.Queue()
results = queue.Queue()


class Worker(threading.Thread):
    def __init__(self, jobs, results, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.jobs = jobs
        self.results = results

    def run(self):
        while True:
            try:
                n = self.jobs.get(timeout=0.5)
            except queue.Empty:
                return
            try:
                if n % 7 == 0:
                    raise ArithmeticError(f"{n} is unlucky")
                self.results.put((n, n ** 0.5))
            except ArithmeticError as err:
                self.results.put((n, err))
            finally:
                self.jobs.task_done()


for n in range(1, 16):
    jobs.put(n)
workers = [Worker(jobs, results, name=f"W{i}", daemon=True) for i in range(NUM_WORKERS)]
for w in workers:
    w.start()
jobs.join()
out = []
while True:
    try:
        out.append(results.get_nowait())
    except queue.Empty:
        break
out.sort(key=lambda pair: pair[0])
for n, r in out:
    if isinstance(r, Exception):
        print(f"{n:2d}: error ({r})")
    else:
        print(f"{n:2d}: {r:.3f}")
print("qsize after:", jobs.qsize(), results.empty())
