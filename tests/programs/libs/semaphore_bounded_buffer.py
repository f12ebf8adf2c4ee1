import threading
import random

random.seed(11)
SIZE = 3
buffer = [None] * SIZE
empty = threading.Semaphore(SIZE)
full = threading.Semaphore(0)
mutex = threading.Lock()
in_idx = out_idx = 0
produced, consumed = [], []


def producer(count):
    global in_idx
    for _ in range(count):
        item = random.randint(1, 99)
        empty.acquire()
        with mutex:
            buffer[in_idx] = item
            in_idx = (in_idx + 1) % SIZE
            produced.append(item)
        full.release()


def consumer(count):
    global out_idx
    for _ in range(count):
        full.acquire()
        with mutex:
            item = buffer[out_idx]
            out_idx = (out_idx + 1) % SIZE
            consumed.append(item)
        empty.release()


p = threading.Thread(target=producer, args=(10,))
c = threading.Thread(target=consumer, args=(10,))
p.start(); c.start()
p.join(); c.join()
print(produced)
print(consumed == produced, sum(consumed))
