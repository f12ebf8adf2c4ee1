words = ["pear", "Fig", "apple", "kiwi", "banana"]
print(sorted(words, key=len))
print(sorted(words, key=lambda w: w.lower(), reverse=True))
print(sorted(words, reverse=True))
d = {"a": 3, "b": 5, "c": 5}
print(max(d, key=d.get), min(d, key=d.get))
print(max([1, 5, 3], key=lambda x: -x), min(4, 2, 8, key=lambda x: (x % 3, x)))
print(max([], default=7), min([], key=len, default="none"))
def neg(x):
    return -x
xs = [3, 1, 2]
xs.sort(key=neg)
print(xs)
xs.sort()
print(xs)
pairs = [(1, "b"), (0, "a"), (1, "a")]
pairs.sort(key=lambda p: p[0], reverse=True)
print(pairs)
for bad in (lambda: max([]), lambda: min(1, 2, default=3), lambda: xs.sort(1), lambda: sorted(xs, key=1), lambda: max(key=len)):
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
    except ValueError as e:
        print("ValueError", e)
print(sorted(["b", "A", "c"], key=str.lower), list(map(str.upper, "ab")), str.join("-", "ab"))
print(min(["bb", "a"], key=len), str.lower, list.append, callable(str.lower))
for bad in (lambda: str.lower(5), lambda: str.lower()):
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
# sum() as CPython 3.12+ adds floats: compensated (Neumaier), ints exactly
print(sum([0.1] * 10), sum([0.1, 0.2, 0.3]), sum([1, 0.1, 0.2], 0.0), sum(i / 10 for i in range(10)),
      sum([1e100, 1.0, -1e100]), sum([0.1, 2**70, 0.1]), sum([True, 0.5]), sum([float("inf"), 1.0]))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print(e)
