import threading


def numbers(limit):
    n = 1
    while n <= limit:
        yield n
        n += 1


def only_odd(seq):
    for x in seq:
        if x % 2:
            yield x


source = only_odd(numbers(30))
source_lock = threading.Lock()
totals = {}


def consume(name):
    total = 0
    while True:
        with source_lock:
            x = next(source, None)
        if x is None:
            break
        total += x * x
    totals[name] = total


workers = [threading.Thread(target=consume, args=(f"c{i}",)) for i in range(3)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print("sum of odd squares:", sum(totals.values()))
print("consumers:", sorted(totals))
