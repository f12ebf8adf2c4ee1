# What keys(), values() and items() give: shown and named as CPython's views, used as lists.
import threading
from collections import OrderedDict, Counter, defaultdict
d = {"a": 1, "b": 2}
print(d.keys(), d.values(), d.items())
print(type(d.keys()).__name__, len(d.items()), "a" in d.keys(), 2 in d.values(), ("a", 1) in d.items())
print(sorted(d.keys(), reverse=True), list(d.values()), sum(d.values()), max(d.items()))
print(", ".join(d.keys()), [k for k in d.keys()], dict(d.items()), set(d.keys()) == {"a", "b"})
print(OrderedDict(x=1).keys(), Counter("aab").items(), defaultdict(int, {1: 2}).values())
print(str(d.keys()), f"{d.items()}", repr({}.keys()))
a, b = d.values()
print(a + b, *d.keys(), tuple(d.items()), list(enumerate(d.keys())), list(zip(d.keys(), d.values())))
print(sorted(Counter("hello").items(), key=lambda kv: (-kv[1], kv[0]))[:2])
results = {}
def work(i):
    results[i] = i * i
ts = [threading.Thread(target=work, args=(i,)) for i in range(3)]
[t.start() for t in ts]; [t.join() for t in ts]
print(sorted(results.items()), sorted(results.values()))
for k, v in d.items():
    print(k, v)
a = {"x": 1, "y": 2, "z": 3}
b = {"y": 20, "z": 30, "w": 0}
print(sorted(a.keys() & b.keys()), sorted(a.keys() - b.keys()), sorted(a.keys() | {"q"}),
      sorted(a.keys() ^ b.keys()), sorted({"y", "v"} & a.keys()))
print(a.keys() == {"x", "y", "z"}, a.keys() == ["x", "y", "z"], a.keys() >= {"x"},
      {"y": 0, "x": 0, "z": 0}.keys() == a.keys(), a.keys() <= b.keys(), a.keys() != b.keys())
print(sorted({("y", 2)} & a.items()), a.items() == {("x", 1), ("y", 2), ("z", 3)})
