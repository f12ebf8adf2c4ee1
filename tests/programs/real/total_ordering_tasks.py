import bisect
import threading
from functools import total_ordering
from operator import attrgetter, itemgetter


@total_ordering
class Job:
    def __init__(self, name, cost):
        self.name, self.cost = name, cost

    def __eq__(self, other):
        return self.cost == other.cost

    def __lt__(self, other):
        return self.cost < other.cost

    def __repr__(self):
        return f"Job({self.name}, {self.cost})"


ordered = []
lock = threading.Lock()


def add(job):
    with lock:
        bisect.insort(ordered, job)


threads = [threading.Thread(target=add, args=(Job(n, c),)) for n, c in
           [("x", 5), ("y", 1), ("z", 3)]]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(ordered, Job("a", 2) >= Job("b", 2), Job("a", 1) > Job("b", 2))
print(sorted(ordered, key=attrgetter("name")))
pairs = [("b", 2), ("a", 3), ("c", 1)]
print(sorted(pairs, key=itemgetter(1)), bisect.bisect_left([1, 3, 5], 4))
