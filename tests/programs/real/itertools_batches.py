import itertools
import threading

results = {}
lock = threading.Lock()


def process(batch_id, items):
    total = sum(items)
    with lock:
        results[batch_id] = (list(items), total)


data = list(range(1, 11))
it = iter(data)
batches = []
while chunk := list(itertools.islice(it, 3)):
    batches.append(chunk)

threads = [threading.Thread(target=process, args=(i, b)) for i, b in enumerate(batches)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for k in sorted(results):
    print(k, results[k])
print(list(itertools.accumulate(data))[-1], list(itertools.chain([1], [2, 3])))
print(list(itertools.product("ab", repeat=2)), list(itertools.combinations(range(4), 2))[:3])
ids = itertools.count(start=100, step=5)
print([next(ids) for _ in range(3)], list(itertools.repeat("x", 2)))
for key, group in itertools.groupby(sorted(["apple", "avocado", "banana", "blueberry", "cherry"]),
                                    key=lambda w: w[0]):
    print(key, list(group))
print(list(itertools.zip_longest([1, 2], "abc", fillvalue="-")), list(itertools.pairwise([1, 2, 3])))
