import bisect
import threading

scores = []
lock = threading.Lock()


def submit(points):
    for p in points:
        with lock:
            bisect.insort(scores, p)


ts = [threading.Thread(target=submit, args=(ps,)) for ps in ([50, 10, 90], [70, 30], [60])]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(scores, bisect.bisect_left(scores, 60), bisect.bisect(scores, 60), bisect.bisect_right(scores, 5))
grades = "FDCBA"
print([grades[bisect.bisect([60, 70, 80, 90], s)] for s in (33, 99, 77, 70, 89, 90, 100)])
people = [("ann", 30), ("bob", 25)]
people.sort(key=lambda p: p[1])
bisect.insort(people, ("cy", 27), key=lambda p: p[1])
print(people, bisect.bisect_left(people, 26, key=lambda p: p[1]))
