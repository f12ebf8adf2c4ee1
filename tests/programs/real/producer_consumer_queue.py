import queue
import threading
import time

q = queue.Queue()


def producer(n):
    for i in range(n):
        item = f"item-{i}"
        q.put(item)
        print("Produced", item)
        time.sleep(0.05)
    q.put(None)  # sentinel: no more items


def consumer():
    while True:
        item = q.get()
        if item is None:
            print("Consumer got sentinel, stopping")
            break
        print("Consumed", item)


p = threading.Thread(target=producer, args=(4,))
c = threading.Thread(target=consumer)
c.start()
p.start()
p.join()
c.join()
print("Done")
