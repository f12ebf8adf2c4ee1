import threading

seen = set()
lock = threading.Lock()


def visit(n):
    for k in range(n):
        with lock:
            seen.add(k * k % 7)


threads = [threading.Thread(target=visit, args=(n,)) for n in (3, 5, 8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(seen), len(seen), 4 in seen, 3 not in seen)
a = {1, 2, 3}
b = set([3, 4])
print(a | b, a & b, a - b, a ^ b, b - a)
print(a.union(b, [9]), a.intersection([2, 3, 7]), a.difference({1}), a.symmetric_difference(b))
print(a.issubset({1, 2, 3, 4}), a.issuperset({1}), a.isdisjoint({8}), a <= b, a == {3, 2, 1})
c = a.copy()
c.discard(1)
c.discard(42)
c.remove(2)
c.update([5, 6], (7,))
print(c, c.pop(), c)
print(set(), frozenset(), frozenset([3, 1]), {x % 3 for x in range(10)})
print({k: v for k, v in zip("abc", range(3))}, {n: n * n for n in range(4) if n})
f = frozenset({1, 2})
print(f | {3}, {3} | f, f.union([4]), len(f), 2 in f, sorted(f, reverse=True))
print(set("hello") == set("olleh"), sorted(set("mississippi")))
print(set({"k": 1}), list({5, 6}), tuple(frozenset([7])), sum({1, 2, 3}), max({4, 9}))
x, y = {10, 20}
print(x + y, f"{a}", repr(frozenset()), str({1}))
for item in {100, 200}:
    print("item", item)
s = set()
if not s:
    print("empty", s)
s |= {1}
s &= {1, 2}
s -= {5}
s ^= {9}
print(s, bool(s))
for bad in (lambda: {1}.remove(5), lambda: set().pop(), lambda: {[1]}, lambda: a[0],
            lambda: frozenset().add(1)):
    try:
        bad()
    except KeyError as e:
        print("KeyError", e)
    except TypeError as e:
        print("TypeError", e)
    except AttributeError as e:
        print("AttributeError", e)
