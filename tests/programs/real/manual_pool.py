import queue
import threading

tasks = queue.Queue()
results = {}
results_lock = threading.Lock()


def worker():
    while True:
        item = tasks.get()
        if item is None:
            tasks.task_done()
            break
        n = item
        value = sum(i * i for i in range(n))
        with results_lock:
            results[n] = value
        tasks.task_done()


NUM_WORKERS = 3
workers = [threading.Thread(target=worker, name=f"worker-{i}") for i in range(NUM_WORKERS)]
for w in workers:
    w.start()
for n in [10, 20, 30, 40, 50]:
    tasks.put(n)
for _ in workers:
    tasks.put(None)
tasks.join()
for w in workers:
    w.join()
for n in sorted(results):
    print(f"sum of squares below {n}: {results[n]}")
