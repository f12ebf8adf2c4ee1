import threading
import itertools


def id_generator(prefix):
    for n in itertools.count(1):
        yield f"{prefix}-{n:04d}"


class SafeIter:
    """Wrap a generator so that threads can share it."""

    def __init__(self, it):
        self.it = it
        self.lock = threading.Lock()

    def __iter__(self):
        return self

    def __next__(self):
        with self.lock:
            return next(self.it)


ids = SafeIter(id_generator("ORD"))
assigned = {}
assigned_lock = threading.Lock()


def take(worker, n):
    mine = [next(ids) for _ in range(n)]
    with assigned_lock:
        assigned[worker] = mine


threads = [threading.Thread(target=take, args=(f"w{i}", 3)) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()

all_ids = sorted(i for ids_ in assigned.values() for i in ids_)
print(len(all_ids), len(set(all_ids)), all_ids[0], all_ids[-1])
print(next(ids))
squares = (x * x for x in range(10))
evens = filter(lambda v: v % 2 == 0, squares)
print(list(itertools.islice(evens, 3)), next(evens), sum(evens))
pairs = list(zip("abc", itertools.count(10, 5)))
print(pairs, dict(pairs), list(enumerate("xy", start=1)))
gen = (c.upper() for c in "hello")
print("".join(gen), list(gen))
