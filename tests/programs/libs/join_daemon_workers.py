import threading
import queue

task_queue = queue.Queue()
lock = threading.Lock()
processed = {}


def worker():
    name = threading.current_thread().name
    while True:
        job = task_queue.get()
        try:
            value = sum(range(job))
            with lock:
                processed[job] = value
        finally:
            task_queue.task_done()


for i in range(4):
    threading.Thread(target=worker, name=f"worker-{i}", daemon=True).start()

for job in [10, 20, 30, 40, 50, 60, 70, 80]:
    task_queue.put(job)

task_queue.join()
print("All tasks completed")
for job, value in sorted(processed.items()):
    print("sum(range({})) = {}".format(job, value))
print("threads alive:", threading.active_count())
