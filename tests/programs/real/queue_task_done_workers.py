import threading
from queue import Queue

NUM_WORKERS = 3
tasks = Queue()
results = []
results_lock = threading.Lock()


def worker():
    while True:
        n = tasks.get()
        value = n * n
        with results_lock:
            results.append(value)
        tasks.task_done()


for _ in range(NUM_WORKERS):
    threading.Thread(target=worker, daemon=True).start()

for n in range(1, 11):
    tasks.put(n)

tasks.join()  # block until every task is processed
print("processed", len(results), "tasks")
print("sorted results:", sorted(results))
print("total:", sum(results))
