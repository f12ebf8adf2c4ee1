import threading


def make_counter():
    count = 0
    lock = threading.Lock()

    def increment(step=1):
        nonlocal count
        with lock:
            count += step
        return count

    def value():
        return count

    return increment, value


inc, val = make_counter()
threads = [threading.Thread(target=inc, args=(i,)) for i in range(1, 5)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(val(), inc(), val())


def outer():
    total = []
    label = "start"

    def note(x):
        nonlocal label
        label = x
        total.append(x)

    note("a")
    note("b")
    return label, total


print(outer())


def accumulate():
    acc = 0

    def add(n):
        nonlocal acc
        acc, old = acc + n, acc
        return old

    return [add(i) for i in range(4)], add(0)


print(accumulate())


def level1():
    a = 1

    def level2():
        b = 2

        def level3():
            nonlocal a
            a += b
            return a + b

        return level3

    f = level2()
    return f(), f(), a


print(level1())


def make_gen(start):
    def gen(n):
        for i in range(n):
            yield start + i
    return gen


print(list(make_gen(10)(3)))


# A lambda written in a comprehension reads the comprehension's variable, late (its value
# once the comprehension has ended), as CPython's closures over it do.
late = [lambda: i * 10 for i in range(3)]
bound = [lambda i=i: i * 10 for i in range(3)]
print([f() for f in late], [f() for f in bound], [(lambda: j)() for j in "ab"])


def nested():
    i = "outer"
    grid = [[lambda: (a, b) for b in "xy"] for a in (1, 2)]
    return i, [[cell() for cell in row] for row in grid], [(lambda: k + 1)() for k in range(2)]


print(nested())
