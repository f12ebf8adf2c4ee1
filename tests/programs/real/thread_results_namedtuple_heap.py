import heapq
import threading
from collections import namedtuple
from functools import total_ordering

Job = namedtuple("Job", ["priority", "name", "cost"])


@total_ordering
class Result:
    def __init__(self, job, value):
        self.job = job
        self.value = value

    def __eq__(self, other):
        return self.value == other.value

    def __lt__(self, other):
        return self.value < other.value

    def __repr__(self):
        return f"Result({self.job.name}={self.value})"


jobs = [Job(2, "parse", 30), Job(1, "load", 10), Job(3, "report", 20), Job(1, "fetch", 40)]
heap = list(jobs)
heapq.heapify(heap)
results = []
lock = threading.Lock()


def run_next():
    while True:
        with lock:
            if not heap:
                return
            job = heapq.heappop(heap)
        value = sum(range(job.cost))
        with lock:
            heapq.heappush(results, Result(job, value))


workers = [threading.Thread(target=run_next) for _ in range(2)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print([heapq.heappop(results) for _ in range(len(results))])
print(Job._fields, jobs[0]._asdict(), jobs[1]._replace(cost=0))
print(max(jobs, key=lambda j: (j.priority, j.cost)))
