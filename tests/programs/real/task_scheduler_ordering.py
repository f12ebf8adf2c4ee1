import threading
import heapq
import itertools
from dataclasses import dataclass, field
from functools import total_ordering, cached_property, lru_cache, partial, reduce
import operator

@dataclass(order=True)
class Job:
    priority: int
    seq: int = field(compare=True)
    name: str = field(compare=False)
    cost: int = field(default=1, compare=False)

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

class Report:
    def __init__(self, jobs):
        self.jobs = jobs
        self.computed = 0
    @cached_property
    def total_cost(self):
        self.computed += 1
        return sum(j.cost for j in self.jobs)

@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

counter = itertools.count()
heap = []
heap_lock = threading.Lock()
done = []

def submit(name, priority, cost):
    with heap_lock:
        heapq.heappush(heap, Job(priority, next(counter), name, cost))

def run_jobs(worker):
    while True:
        with heap_lock:
            if not heap:
                return
            job = heapq.heappop(heap)
            done.append((worker, job.name, fib(job.cost)))

specs = [("build", 2, 10), ("test", 3, 12), ("lint", 1, 5), ("docs", 3, 3), ("deploy", 5, 20), ("fmt", 1, 2)]
submitters = [threading.Thread(target=submit, args=s) for s in specs]
for t in submitters:
    t.start()
for t in submitters:
    t.join()
print([j.name for j in sorted(heap)])
workers = [threading.Thread(target=run_jobs, args=(f"w{i}",)) for i in range(2)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print(sorted(name for _, name, _ in done), [f for _, _, f in done])
print(fib.cache_info())
print(Job(1, 0, "a") < Job(1, 1, "b"), Job(2, 0, "a") > Job(1, 5, "z"), Job(1, 0, "a") == Job(1, 0, "zzz"))
versions = [Version(v) for v in ["1.10.0", "1.2.3", "1.2.10", "0.9"]]
print(sorted(versions), max(versions), Version("1.0") >= Version("0.9"), Version("1.0") != Version("1.0"))
print(len({Version("1.0"), Version("1.0"), Version("2.0")}))
r = Report([Job(1, 0, "a", 4), Job(1, 1, "b", 6)])
print(r.total_cost, r.total_cost, r.computed, "total_cost" in vars(r))
add10 = partial(operator.add, 10)
print(add10(5), add10.func.__name__, add10.args, reduce(operator.mul, range(1, 6)), reduce(lambda a, b: a + b, [], 0))
print(list(itertools.accumulate([3, 1, 4, 1, 5], max)), list(itertools.islice(itertools.cycle("ab"), 5)))
