import itertools
import queue
import threading
from dataclasses import dataclass, field
from typing import Any

counter = itertools.count()


@dataclass(order=True)
class PrioritizedTask:
    priority: int
    seq: int = field(default_factory=lambda: next(counter))
    name: str = field(compare=False, default="")
    payload: Any = field(compare=False, default=None)


tasks = queue.PriorityQueue()
done = []
done_lock = threading.Lock()

for prio, name in [(3, "cleanup"), (1, "urgent-a"), (2, "normal"), (1, "urgent-b"), (5, "idle")]:
    tasks.put(PrioritizedTask(prio, name=name, payload=len(name)))


def worker():
    while True:
        try:
            task = tasks.get_nowait()
        except queue.Empty:
            return
        with done_lock:
            done.append((task.priority, task.name, task.payload))
        tasks.task_done()


# a single worker keeps the priority order visible
t = threading.Thread(target=worker)
t.start()
t.join()
for item in done:
    print(item)
print(PrioritizedTask(1, name="a") < PrioritizedTask(1, name="b"), tasks.empty())
