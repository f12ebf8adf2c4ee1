import queue
import threading

STOP = object()


def stage(func, inbox, outbox):
    while True:
        item = inbox.get()
        if item is STOP:
            outbox.put(STOP)
            break
        outbox.put(func(item))


q1, q2, q3 = queue.Queue(), queue.Queue(), queue.Queue()
threads = [
    threading.Thread(target=stage, args=(lambda x: x * 2, q1, q2)),
    threading.Thread(target=stage, args=(lambda x: x + 1, q2, q3)),
]
for t in threads:
    t.start()
for i in range(5):
    q1.put(i)
q1.put(STOP)
results = []
while (r := q3.get()) is not STOP:
    results.append(r)
for t in threads:
    t.join()
print(results)
