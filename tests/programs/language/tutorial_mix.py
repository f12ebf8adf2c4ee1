import threading
from functools import partial, wraps
from string import ascii_lowercase


def synchronized(lock):
    def decorator(fn):
        @wraps(fn)
        def inner(*args, **kwargs):
            with lock:
                return fn(*args, **kwargs)
        return inner
    return decorator


counter_lock = threading.Lock()
counter = 0


@synchronized(counter_lock)
def increment(n, by=1):
    global counter
    for _ in range(n):
        counter += by


def producer(items):
    for item in items:
        yield item * 2


threads = [threading.Thread(target=increment, args=(500,)) for _ in range(3)]
threads.append(threading.Thread(target=partial(increment, 10, by=5)))
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter, increment.__name__, [t.name for t in threads])
evens = {x for x in producer(range(10)) if x % 4 == 0}
print(sorted(evens, key=lambda v: -v), max(evens), min(evens, key=abs))
words = "the quick brown fox jumps over the lazy dog the end".split()
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
print(top, set(ascii_lowercase) - set("".join(words)))
first, *middle, last = sorted(counts, key=len)
print(first, last, len(middle))
results = {}


def worker(name, numbers):
    results[name] = sum(n * n for n in numbers if n % 2)


jobs = {f"job{i}": range(i * 10, i * 10 + 10) for i in range(3)}
ts = [threading.Thread(target=worker, args=(k, v)) for k, v in jobs.items()]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(results.items()), isinstance(results, dict), type(ts[0]).__name__)
print(list(filter(lambda kv: kv[1] > 1000, sorted(results.items()))))
