import queue
import threading
from dataclasses import dataclass, field


@dataclass(order=True)
class Task:
    priority: int
    name: str = field(compare=False)


tasks = queue.PriorityQueue()
for prio, name in [(3, "write report"), (1, "fix prod bug"), (2, "review PR"), (1, "call boss")]:
    tasks.put(Task(prio, name))


def worker():
    while True:
        try:
            task = tasks.get_nowait()
        except queue.Empty:
            break
        print(f"[{task.priority}] {task.name}")
        tasks.task_done()


t = threading.Thread(target=worker)
t.start()
t.join()
tasks.join()
print("queue empty:", tasks.empty())
pq = queue.PriorityQueue()
pq.put((2, "b"))
pq.put((1, "z"))
pq.put((1, "a"))
print([pq.get() for _ in range(3)])
