import statistics
import threading
import textwrap
from random import Random
from collections import defaultdict

samples = defaultdict(list)
lock = threading.Lock()


def measure(sensor, seed, n=12):
    rng = Random(seed)
    readings = [round(rng.gauss(20, 2), 2) for _ in range(n)]
    with lock:
        samples[sensor].extend(readings)


threads = [threading.Thread(target=measure, args=(f"S{i}", i)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()

header = f"{'sensor':<8}{'mean':>8}{'median':>8}{'stdev':>8}{'min':>7}{'max':>7}"
print(header)
print("-" * len(header))
for sensor in sorted(samples):
    data = samples[sensor]
    print(f"{sensor:<8}{statistics.mean(data):>8.2f}{statistics.median(data):>8.2f}"
          f"{statistics.stdev(data):>8.2f}{min(data):>7.2f}{max(data):>7.2f}")
everything = [x for values in samples.values() for x in values]
q = statistics.quantiles(everything, n=4)
print(f"quartiles: {[round(v, 2) for v in q]}")
note = ("All sensors were read concurrently by worker threads; the shared dict of lists "
        "was only touched while holding the lock, so no reading was lost.")
print(textwrap.fill(note, width=50))
print(statistics.fmean([1, 2, 4]), statistics.mode("aabbbc"), statistics.multimode("aabb"))
