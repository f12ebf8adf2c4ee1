import threading
from collections import deque

CAPACITY = 3
buffer = deque()
lock = threading.Lock()
not_full = threading.Condition(lock)
not_empty = threading.Condition(lock)
consumed = []


def produce(items):
    for item in items:
        with not_full:
            while len(buffer) >= CAPACITY:
                not_full.wait()
            buffer.append(item)
            not_empty.notify()


def consume(n):
    for _ in range(n):
        with not_empty:
            while not buffer:
                not_empty.wait()
            consumed.append(buffer.popleft())
            not_full.notify()


p = threading.Thread(target=produce, args=(list(range(10)),))
c = threading.Thread(target=consume, args=(10,))
c.start()
p.start()
p.join()
c.join()
print("consumed in order:", consumed == sorted(consumed), consumed)
print("buffer empty:", not buffer)
