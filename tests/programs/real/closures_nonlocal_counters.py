import threading
from functools import partial

total = 0
total_lock = threading.Lock()

def make_counter(start=0, step=1):
    count = start
    lock = threading.Lock()
    def increment():
        nonlocal count
        with lock:
            count += step
            return count
    def value():
        return count

    increment.value = value
    return increment

def make_accumulators(n):
    # late binding trap, fixed with a default argument
    wrong = [lambda: i for i in range(n)]
    right = [lambda i=i: i * 10 for i in range(n)]
    return [f() for f in wrong], [f() for f in right]

def add_to_total(amount, times):
    global total
    for _ in range(times):
        with total_lock:
            total += amount

counters = {name: make_counter(start, step) for name, start, step in [("a", 0, 1), ("b", 100, -2), ("c", 5, 5)]}

def hammer(counter, n):
    for _ in range(n):
        counter()

threads = []
for name, counter in counters.items():
    for _ in range(3):
        threads.append(threading.Thread(target=hammer, args=(counter, 10)))
threads += [threading.Thread(target=add_to_total, args=(amt, 50)) for amt in (1, 2, 3)]
for t in threads:
    t.start()
for t in threads:
    t.join()

for name, counter in counters.items():
    print(f"{name}: {counter.value()}")
print("total:", total)
print(make_accumulators(4))

adders = [partial(lambda x, y: x + y, k) for k in range(3)]
print([f(10) for f in adders])

def outer():
    log = []
    def inner(msg):
        log.append(msg)
        return len(log)
    def reset():
        nonlocal log
        old, log = log, []
        return old

    return inner, reset

push, reset = outer()
print(push("x"), push("y"), reset(), push("z"), reset())

fns = {}
for key in "abc":
    fns[key] = (lambda k: (lambda: k.upper()))(key)
print({k: f() for k, f in fns.items()})
print((lambda *a, **kw: (a, sorted(kw)))(1, 2, z=3, y=4))
squares = list(map(lambda v: v ** 2, filter(lambda v: v % 3, range(10))))
print(squares, (n := len(squares)), n * 2)
