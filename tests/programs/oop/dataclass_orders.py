from dataclasses import dataclass, field
import threading
import queue


@dataclass(order=True)
class Job:
    priority: int
    name: str = field(compare=False)
    tags: list = field(default_factory=list, compare=False, repr=False)


@dataclass(frozen=True)
class Point:
    x: int
    y: int

    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)


@dataclass
class Stats:
    done: int = 0
    names: list = field(default_factory=list)

    def __post_init__(self):
        self.lock = threading.Lock()

    def record(self, name):
        with self.lock:
            self.done += 1
            self.names.append(name)


q = queue.PriorityQueue()
for p, n in [(3, "low"), (1, "urgent"), (2, "normal"), (1, "also-urgent")]:
    q.put(Job(p, n))

stats = Stats()


def worker():
    while True:
        try:
            job = q.get_nowait()
        except queue.Empty:
            break
        stats.record(job.name)
        q.task_done()


t = threading.Thread(target=worker)
t.start()
t.join()
print(stats.done, stats.names)
print(Job(1, "a") == Job(1, "b"), Job(1, "a") < Job(2, "a"))
print(Job(5, "x", ["t"]))
p = Point(1, 2)
print(p, p.moved(2, 3), p == Point(1, 2))
try:
    p.x = 10
except Exception as e:
    print(type(e).__name__, e)
print(hash(p) == hash(Point(1, 2)))
