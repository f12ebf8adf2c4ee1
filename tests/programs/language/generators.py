import threading


def numbers(limit):
    n = 1
    while n <= limit:
        yield n
        n += 1
    return "done"


def evens(seq):
    for x in seq:
        if x % 2 == 0:
            yield x


def chained():
    yield from [1, 2]
    yield from numbers(2)
    yield 99


print(list(numbers(5)), sum(numbers(4)), sorted(evens(numbers(9)), reverse=True))
print(list(chained()), max(numbers(3)), "-".join(str(n) for n in numbers(3)))
g = numbers(2)
print(next(g), next(g), next(g, "end"), next(g, "end"))
try:
    next(numbers(0))
except StopIteration as e:
    print("StopIteration", e.args)
for i, n in enumerate(evens(range(7))):
    print(i, n)
squares = (x * x for x in range(5))
print(next(squares), list(squares), list(squares))
print(next((w for w in ["ant", "bee", "cat"] if w.startswith("b")), None))
print(sum(x * x for x in [1, 2, 3]), any(x > 2 for x in [1, 3]), all(x for x in []))
print(dict((k, len(k)) for k in ["ab", "c"]), set(n % 2 for n in numbers(5)))


def echo():
    received = yield "ready"
    while received is not None:
        received = yield received * 2


e = echo()
print(next(e), e.send(5), e.send(7))
e.close()
print(next(e, "closed"))
it = iter([1, 2, 3])
print(next(it), list(it), next(it, None))
results = []
lock = threading.Lock()
source = numbers(20)


def consume(name):
    total = 0
    for x in evens(source_items()):
        total += x
    with lock:
        results.append(total)


def source_items():
    while True:
        with lock:
            x = next(source, None)
        if x is None:
            return
        yield x


workers = [threading.Thread(target=consume, args=(i,)) for i in range(3)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print(sum(results))


def bad():
    yield 1
    raise ValueError("boom")


try:
    for v in bad():
        print("got", v)
except ValueError as err:
    print("caught", err)
for f in (lambda: next([1]), lambda: iter(5), lambda: len(numbers(1)), lambda: e.send(1, 2)):
    try:
        f()
    except TypeError as err:
        print("TypeError", err)


def forever():
    n = 0
    while True:
        n += 1
        yield n


def over(limit):
    for n in forever():
        yield n > limit


print(any(over(3)), list(zip(forever(), "abc")), forever.__name__)
naturals = forever()
print(any(n > 3 for n in [0]), any(map(lambda n: n > 3, [4])), next(naturals))
print(all(n < 5 for n in [1, 2]), list(zip(naturals, range(2))), next(naturals))
e = enumerate("xy")
print(next(e), list(e), list(reversed([1, 2])), list(reversed(range(3))), tuple(zip("ab")))
print(sorted(zip([2, 1], "ab")), dict(enumerate("pq", start=1)))
m = map(abs, [-1, -2, -3])
print(2 in m, list(m), 5 in (x for x in range(3)), 1 in iter([1]))


# close() throws GeneratorExit in at the yield: the generator's finally runs then.
def guarded(tag, log):
    try:
        yield 1
        yield 2
    finally:
        log.append(f"cleanup {tag}")


def stubborn():
    try:
        yield "first"
    except GeneratorExit:
        yield "ignored"


closing_log = []
g = guarded("b", closing_log)
print(next(g), g.close(), closing_log, list(g))
fresh = guarded("never started", closing_log)
fresh.close()
fresh.close()
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e, closing_log)
