# A bank-queue simulation's draws: arrivals by expovariate, service times by triangular.
import random
import threading

random.seed(2024)
arrivals = [round(random.expovariate(1 / 3), 4) for _ in range(5)]
lock = threading.Lock()
served = []


def teller(name, seed):
    rng = random.Random(seed)
    for _ in range(3):
        minutes = round(rng.triangular(2, 9, 4), 3)
        with lock:
            served.append((name, minutes))


threads = [threading.Thread(target=teller, args=(n, s)) for n, s in (("ann", 1), ("bob", 2))]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(arrivals, sorted(served))
r = random.Random(7)
print([round(f, 6) for f in (r.normalvariate(10, 2), r.lognormvariate(0, 0.5), r.gammavariate(2, 1.5),
                             r.betavariate(2, 5), r.paretovariate(3), r.weibullvariate(1, 1.5),
                             r.vonmisesvariate(0, 4), r.expovariate())], r.getrandbits(16))
try:
    r.gammavariate(0, 1)
except ValueError as e:
    print("ValueError:", e)
