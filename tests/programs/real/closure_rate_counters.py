import threading
from functools import wraps

calls_total = 0


def make_counter(label):
    count = 0
    lock = threading.Lock()

    def increment(step=1):
        nonlocal count
        with lock:
            count += step
            return count

    def report():
        return f"{label}={count}"

    increment.report = report
    return increment


def counted(fn):
    @wraps(fn)
    def wrapper(*args, **kwargs):
        global calls_total
        with total_lock:
            calls_total += 1
        return fn(*args, **kwargs)
    return wrapper


total_lock = threading.Lock()
hits = make_counter("hits")
misses = make_counter("misses")


@counted
def lookup(cache, key):
    """Look a key up."""
    if key in cache:
        hits()
        return cache[key]
    misses()
    cache[key] = key * 2
    return cache[key]


def client(keys):
    cache = {}
    for k in keys:
        lookup(cache, k)


threads = [threading.Thread(target=client, args=([1, 2, 1, 3, 2, 1],)) for _ in range(4)]
[t.start() for t in threads]
[t.join() for t in threads]
print(hits.report(), misses.report(), calls_total)
print(lookup.__name__, lookup.__doc__, lookup.__wrapped__.__name__)
adders = [lambda x, n=n: x + n for n in range(3)]
print([f(10) for f in adders])
def outer():
    x = "outer"
    def inner():
        return x.title()
    x = "changed"
    return inner
print(outer()(), hits(5), hits.report())
