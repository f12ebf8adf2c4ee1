import random
import threading
from statistics import mean

rng = random.Random(2024)
positions = {}
lock = threading.Lock()


def walk(walker_id, steps):
    pos = 0
    local_rng = random.Random(walker_id)
    for _ in range(steps):
        pos += local_rng.choice([-1, 1])
    with lock:
        positions[walker_id] = pos


threads = [threading.Thread(target=walk, args=(i, 100)) for i in range(5)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(positions)
print("mean:", mean(positions.values()))
print(rng.randint(1, 10), rng.random() < 1, rng.choice("xyz"), rng.sample([1, 2, 3, 4], 2))
weights = rng.choices(["a", "b"], weights=[1, 3], k=5)
print(weights, round(rng.gauss(0, 1), 6))
