import operator
from operator import itemgetter, attrgetter
from dataclasses import dataclass
import threading

@dataclass
class Job:
    name: str
    cost: int

scores = {"ann": 3, "bob": 7, "cy": 5}
print(sorted(scores.items(), key=itemgetter(1), reverse=True))
print(max(scores.items(), key=operator.itemgetter(1))[0])
jobs = [Job("b", 2), Job("a", 9), Job("c", 1)]
print([j.name for j in sorted(jobs, key=attrgetter("cost"))], attrgetter("name", "cost")(jobs[0]))
print(itemgetter(0, 2)("xyz"), itemgetter("k")({"k": 1}), repr(itemgetter(1)))
from functools import reduce
print(reduce(operator.mul, range(1, 6)), operator.add("a", "b"), operator.lt(1, 2), operator.neg(3))
results = []
lock = threading.Lock()
def w(i):
    with lock:
        results.append((i % 3, i))
ts = [threading.Thread(target=w, args=(i,)) for i in range(6)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(results, key=itemgetter(0, 1)))
try:
    itemgetter(5)([1])
except IndexError as e:
    print("IndexError:", e)
