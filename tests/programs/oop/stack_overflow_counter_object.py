# "Why is my counter wrong?" -- a shared object incremented without and with a lock.
import threading


class Counter:
    def __init__(self):
        self.value = 0

    def increment(self):
        self.value += 1


class LockedCounter(Counter):
    def __init__(self):
        Counter.__init__(self)
        self._lock = threading.Lock()

    def increment(self):
        with self._lock:
            Counter.increment(self)


def hammer(counter, n):
    for _ in range(n):
        counter.increment()


for cls in (Counter, LockedCounter):
    counter = cls()
    workers = [threading.Thread(target=hammer, args=(counter, 10000)) for _ in range(4)]
    [w.start() for w in workers]
    [w.join() for w in workers]
    print("%-14s -> %d" % (cls.__name__, counter.value))
    if cls is LockedCounter:
        assert counter.value == 40000, counter.value
print("done")
