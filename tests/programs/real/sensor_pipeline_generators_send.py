import threading
import queue
import random


def moving_average(window):
    values = []
    average = None
    while True:
        value = yield average
        if value is None:
            break
        values.append(value)
        if len(values) > window:
            values.pop(0)
        average = sum(values) / len(values)
    return len(values)


def readings(seed, n):
    rng = random.Random(seed)
    for i in range(n):
        yield i, round(rng.uniform(10, 30), 2)


out = queue.Queue()


def sensor(name, seed):
    avg = moving_average(3)
    next(avg)
    for i, value in readings(seed, 5):
        smoothed = avg.send(value)
        out.put((name, i, value, smoothed))
    try:
        avg.send(None)
    except StopIteration as stop:
        out.put((name, "kept", stop.value, None))


threads = [threading.Thread(target=sensor, args=(f"s{k}", k)) for k in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()

rows = []
while not out.empty():
    rows.append(out.get_nowait())
for name, i, value, smoothed in sorted(rows, key=lambda r: (r[0], str(r[1]))):
    if smoothed is None:
        print(f"{name}: kept {value} values")
    else:
        print(f"{name} #{i}: {value:6.2f} -> {smoothed:6.2f}")
gen = (x * x for x in range(4))
print(next(gen), list(gen), sum(x for x in range(10) if x % 3 == 0))
