import bisect
import heapq
import pprint
import threading
from string import Template

scores = []
lock = threading.Lock()
row = Template("$name scored $score ($grade)")
GRADES = "FDCBA"
BREAKS = [60, 70, 80, 90]


def grade(score):
    return GRADES[bisect.bisect(BREAKS, score)]


def student(name, marks):
    avg = sum(marks) // len(marks)
    with lock:
        heapq.heappush(scores, (-avg, name))


data = {"ann": [90, 95, 88], "bob": [70, 65, 80], "cid": [50, 58, 61], "dee": [85, 79, 91]}
threads = [threading.Thread(target=student, args=item) for item in data.items()]
for t in threads:
    t.start()
for t in threads:
    t.join()

ranking = []
while scores:
    neg, name = heapq.heappop(scores)
    ranking.append({"name": name, "score": -neg, "grade": grade(-neg)})
for r in ranking:
    print(row.substitute(r))
print(row.safe_substitute(name="eve"))
pprint.pprint(ranking)
pprint.pprint({"top": heapq.nlargest(2, data, key=lambda k: sum(data[k])), "n": len(data)}, width=40)
