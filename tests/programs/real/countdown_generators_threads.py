import threading
import queue
from contextlib import contextmanager

events = queue.Queue()

def countdown(name, n):
    try:
        while n > 0:
            yield f"{name}:{n}"
            n -= 1
        yield f"{name}:liftoff"
    finally:
        events.put(f"{name} generator finished")

@contextmanager
def announced(name):
    events.put(f"{name} start")
    try:
        yield
    finally:
        events.put(f"{name} end")

def runner(name, n, stop_after=None):
    with announced(name):
        gen = countdown(name, n)
        for i, msg in enumerate(gen):
            events.put(msg)
            if stop_after is not None and i + 1 >= stop_after:
                gen.close()
                break

specs = [("A", 3, None), ("B", 5, 2), ("C", 1, None)]
threads = [threading.Thread(target=runner, args=s) for s in specs]
for t in threads:
    t.start()
    t.join()

collected = []
while not events.empty():
    collected.append(events.get_nowait())
for line in collected:
    print(line)

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

def take(n, it):
    return [x for _, x in zip(range(n), it)]

squares = (x * x for x in fib() if x % 2)
print(take(8, fib()), take(4, squares))
gen = countdown("D", 2)
print(next(gen), list(gen), next(gen, "exhausted"))
print(events.get_nowait())
nested = [[i * j for j in range(1, 4)] for i in range(1, 4)]
flat = [v for row in nested for v in row if v % 2 == 0]
print(nested, flat, {v: v ** 2 for v in flat if (half := v // 2) > 1}, half)
