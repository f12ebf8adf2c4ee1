import queue
import threading
from dataclasses import dataclass, field
from enum import Enum, auto
from functools import partial, total_ordering


class Priority(Enum):
    HIGH = auto()
    MEDIUM = auto()
    LOW = auto()


@dataclass(order=True)
class Task:
    sort_key: tuple = field(init=False, repr=False)
    priority: Priority = field(compare=False)
    name: str = field(compare=False)
    cost: float = field(default=1.0, compare=False)

    def __post_init__(self):
        self.sort_key = (self.priority.value, self.name)


@total_ordering
class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split("."))

    def __eq__(self, other):
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __hash__(self):
        return hash(self.parts)

    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))


pq = queue.PriorityQueue()
done = []
done_lock = threading.Lock()


def worker(tag, *, verbose=False):
    while True:
        task = pq.get()
        if task is None:
            pq.task_done()
            break
        with done_lock:
            done.append((tag, task.name, task.priority.name))
        if verbose:
            print(f"{tag} ran {task.name:<8} [{task.priority.name.lower():>6}] cost={task.cost:5.2f}")
        pq.task_done()


for name, prio, cost in [("backup", Priority.LOW, 3.5), ("deploy", Priority.HIGH, 2),
                         ("lint", Priority.MEDIUM, 0.25), ("alert", Priority.HIGH, 0.1)]:
    pq.put(Task(prio, name, cost))
t = threading.Thread(target=partial(worker, "w1", verbose=True))
t.start()
pq.join()
pq.put(None)
t.join()
print([name for _, name, _ in done])
versions = {Version("1.10.0"), Version("1.2.3"), Version("1.2.3"), Version("0.9")}
print(sorted(versions), max(versions), Version("2.0") >= Version("1.9.9"))
print(Task(Priority.LOW, "x") < Task(Priority.HIGH, "y"), Task(Priority.LOW, "z"))
print(Priority.HIGH, Priority["LOW"].value, [p.name for p in Priority], Priority(2))
