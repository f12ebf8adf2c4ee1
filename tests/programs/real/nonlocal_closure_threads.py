import threading


def make_counter():
    count = 0
    lock = threading.Lock()

    def increment(n):
        nonlocal count
        for _ in range(n):
            with lock:
                count += 1

    def value():
        return count

    return increment, value


inc, val = make_counter()
threads = [threading.Thread(target=inc, args=(500,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("count:", val())


class Stats:
    created = 0
    lock = threading.Lock()

    def __init__(self):
        with Stats.lock:
            Stats.created += 1

    @classmethod
    def total(cls):
        return cls.created


made = [threading.Thread(target=Stats) for _ in range(5)]
for t in made:
    t.start()
for t in made:
    t.join()
print("objects:", Stats.total())
