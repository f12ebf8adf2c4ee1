import threading
import queue

def averager():
    total, count, average = 0.0, 0, None
    while True:
        try:
            value = yield average
        except GeneratorExit:
            print(f"averager closed after {count} values")
            raise
        if value is None:
            break
        total, count = total + value, count + 1
        average = total / count
    return (count, average)

def delegator(results, key):
    while True:
        results[key] = yield from averager()

def read_numbers(lines):
    for line in lines:
        if line.strip() and not line.startswith("#"):
            yield from (int(tok) for tok in line.split(","))

def chunked(iterable, size):
    chunk = []
    for item in iterable:
        chunk.append(item)
        if len(chunk) == size:
            yield tuple(chunk)
            chunk = []
    if chunk:
        yield tuple(chunk)

q = queue.Queue()
SENTINEL = object()

def producer(name, lines):
    for chunk in chunked(read_numbers(lines), 3):
        q.put((name, chunk))
    q.put(SENTINEL)

results = {}

def consumer(n_producers):
    finished, groups = 0, {}
    while finished < n_producers:
        item = q.get()
        if item is SENTINEL:
            finished += 1
            continue
        name, chunk = item
        if name not in groups:
            groups[name] = delegator(results, name)
            next(groups[name])
        for v in chunk:
            groups[name].send(v)
    for name, g in sorted(groups.items()):
        g.send(None)
        g.close()

data = {"a": ["1,2,3", "# comment", "4,5", ""], "b": ["10, 20", "30,40,50,60,70"]}
producers = [threading.Thread(target=producer, args=(n, l)) for n, l in data.items()]
cons = threading.Thread(target=consumer, args=(len(producers),))
cons.start()
for p in producers:
    p.start()
for p in producers:
    p.join()
cons.join()
print({k: (n, round(avg, 3)) for k, (n, avg) in sorted(results.items())})

first, second, *rest = chunked(range(10), 4)
print(first, second, rest)
it = iter([1, 2, 3])
print(list(zip(it, it)), next(it, "done"))
