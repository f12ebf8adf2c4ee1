import itertools
from itertools import count, islice, cycle, repeat, takewhile, chain, groupby, accumulate
c = count(5)
print(next(c), next(c), c)
print(count(0.5, 0.25), list(islice(count(0.5, 0.1), 3)))
print(list(zip(count(1), "abc")), list(zip("xy", cycle([0, 1]))))
for i in count():
    if i > 3:
        break
print(i)
def gen():
    n = 0
    while True:
        yield n
        n += 1
print(list(islice(gen(), 2, 10, 3)), list(takewhile(lambda x: x < 4, count())))
print(list(repeat(7, 3)), list(islice(repeat("z"), 2)), repeat(3))
print(list(chain.from_iterable(["ab", "cd"])), list(chain()), list(itertools.compress("abcd", [1, 0, 1, 0])))
data = [("a", 1), ("a", 2), ("b", 3)]
for k, g in groupby(data, key=lambda p: p[0]):
    print(k, list(g))
print(list(accumulate([1, 2, 3], lambda a, b: a * b)), list(accumulate([1, 2], initial=10)))
print(list(itertools.pairwise([1, 2, 3])), list(itertools.batched(range(7), 3)))
print(list(itertools.dropwhile(lambda x: x < 2, [0, 1, 2, 0])), list(itertools.filterfalse(None, [0, 1, 2])))
a, b = itertools.tee([1, 2])
print(list(a), list(b), list(itertools.combinations_with_replacement("ab", 2)))
print(sum(islice(count(), 10)), sorted(islice(cycle([3, 1, 2]), 5)))
it = islice([1, 2, 3, 4], 2)
print(next(it), next(it), next(it, "end"))
try:
    islice([1], -1)
except ValueError as e:
    print(e)
