import threading

first, *rest = [1, 2, 3, 4]
*init, last = "abc"
a, *middle, z = range(5)
print(first, rest, init, last, a, middle, z)
head, *tail = (9,)
print(head, tail)
x, *ys = {"k": 1, "j": 2}
print(x, ys)


def numbers():
    yield 1
    yield 2


p, *q = numbers()
print(p, q)
for n, *others in [(1, 2, 3), (4,)]:
    print(n, others)
both = [*rest, *"xy", 0]
print(both, (*rest, 5), {*rest, 1}, [*numbers()], [*{"a": 1}])
[u, *v] = [7, 8]
print(u, v)
for bad in ("a, *b, c = [1]", "a, *b = 5", "l = [*5]"):
    try:
        if bad == "a, *b, c = [1]":
            a, *b, c = [1]
        elif bad == "a, *b = 5":
            a, *b = 5
        else:
            l = [*5]
    except ValueError as e:
        print("ValueError", e)
    except TypeError as e:
        print("TypeError", e)
import threading

pairs = []


def split(items):
    global pairs
    one, *more = items
    pairs = pairs + [(one, more)]
    print([m for *_, m in [(1, 2), (3, 4)]])


t = threading.Thread(target=split, args=([5, 6, 7],))
t.start()
t.join()
print(pairs)
def pair():
    yield 1
    yield 2


a, b = pair()
x, y = map(int, "34")
(p, q), r = zip("ab", "cd"), 5
print(a, b, x, y, p, q, r)
print(*pair(), *map(str, [7, 8]), sep="-")
try:
    a, b = iter([1])
except ValueError as e:
    print(e)
try:
    a, b = None
except TypeError as e:
    print(e)
defaults = {"retries": 3, "timeout": 10}
configs = {}


def configure(i):
    configs[i] = {**defaults, "id": i, **({"timeout": 30} if i else {})}


workers = [threading.Thread(target=configure, args=(i,)) for i in range(2)]
for t in workers:
    t.start()
for t in workers:
    t.join()
print(configs, {**{}}, {"a": 1, **{"a": 2}})
try:
    {**[1]}
except TypeError as e:
    print(e)
