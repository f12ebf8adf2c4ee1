import heapq
import threading
from dataclasses import dataclass, field


@dataclass(order=True)
class Job:
    priority: int
    name: str = field(compare=False)


class Task:
    def __init__(self, p, label):
        self.p, self.label = p, label

    def __lt__(self, other):
        return self.p < other.p


heap = []
lock = threading.Lock()


def submit(jobs):
    for p, n in jobs:
        with lock:
            heapq.heappush(heap, Job(p, n))


ts = [threading.Thread(target=submit, args=([(3, "c"), (1, "a")],)),
      threading.Thread(target=submit, args=([(2, "b"), (0, "z")],))]
for t in ts:
    t.start()
for t in ts:
    t.join()
print([heapq.heappop(heap).name for _ in range(len(heap))])
nums = [5, 1, 8, 3, 9, 2]
heapq.heapify(nums)
print(nums, heapq.nlargest(2, nums), heapq.nsmallest(3, nums, key=lambda x: -x))
print(heapq.heappushpop(nums, 0), heapq.heapreplace(nums, 7), nums)
th = []
for t in [Task(2, "two"), Task(1, "one")]:
    heapq.heappush(th, t)
print(heapq.heappop(th).label, list(heapq.merge([1, 4], [2, 3])))
try:
    heapq.heappop([])
except IndexError as e:
    print("IndexError:", e)
