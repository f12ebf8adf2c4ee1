from dataclasses import dataclass, field
from queue import PriorityQueue, LifoQueue, Empty
import threading
import itertools


@dataclass(order=True)
class Job:
    priority: int
    seq: int
    name: str = field(compare=False)


counter = itertools.count()
jobs = PriorityQueue()
for prio, name in [(3, "send newsletter"), (1, "fix prod outage"), (2, "review PR"),
                   (1, "rotate keys"), (5, "update docs")]:
    jobs.put(Job(prio, next(counter), name))

done_order = []
lock = threading.Lock()


def worker():
    while True:
        try:
            job = jobs.get_nowait()
        except Empty:
            return
        with lock:
            done_order.append(job)
        jobs.task_done()


w = threading.Thread(target=worker, name="solo")
w.start()
w.join()
for job in done_order:
    print(f"P{job.priority} #{job.seq} {job.name}")

history = LifoQueue()
for action in ["type 'hello'", "bold", "delete word", "paste"]:
    history.put(action)
print("undo stack size", history.qsize())
while not history.empty():
    print("undo:", history.get())

pq = PriorityQueue()
for item in [(2, "b"), (2, "a"), (1, "z")]:
    pq.put(item)
print([pq.get() for _ in range(pq.qsize())])
