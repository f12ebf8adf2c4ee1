import queue
import threading
import time


class PriorityJobQueue(queue.PriorityQueue):
    """A priority queue that counts what went through it."""

    def __init__(self, maxsize=0):
        super().__init__(maxsize)
        self.total = 0
        self.count_lock = threading.Lock()

    def put(self, item, block=True, timeout=None):
        with self.count_lock:
            self.total += 1
        super().put(item, block, timeout)


jobs = PriorityJobQueue()
done = []


def worker():
    while True:
        priority, name = jobs.get()
        if name is None:
            jobs.task_done()
            return
        time.sleep(0.01)
        done.append(name)
        jobs.task_done()


for p, name in [(5, "backup"), (1, "hotfix"), (3, "deploy"), (2, "review")]:
    jobs.put((p, name))
t = threading.Thread(target=worker)
t.start()
jobs.join()
jobs.put((99, None))
t.join()
print("order:", done)
print("put calls:", jobs.total, "left:", jobs.qsize())
