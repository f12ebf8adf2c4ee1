import threading


class Countdown:
    def __init__(self, start):
        self.start = start

    def __iter__(self):
        n = self.start
        while n > 0:
            yield n
            n -= 1


class Squares:
    def __init__(self, limit):
        self.limit = limit
        self.i = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self.i >= self.limit:
            raise StopIteration
        self.i += 1
        return self.i ** 2


results = {}
lock = threading.Lock()


def consume(name, iterable):
    total = 0
    for value in iterable:
        total += value
    with lock:
        results[name] = total


threads = [
    threading.Thread(target=consume, args=("countdown", Countdown(5))),
    threading.Thread(target=consume, args=("squares", Squares(4))),
]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(results)
print(list(Countdown(3)), sum(Squares(3)))
it = iter(Squares(2))
print(next(it), next(it), next(it, "done"))
print(sorted(Countdown(4)), tuple(Countdown(2)))
a, b, c = Countdown(3)
print(a, b, c)
