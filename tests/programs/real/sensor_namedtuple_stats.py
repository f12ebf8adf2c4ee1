import threading
import random
import statistics
from collections import namedtuple, Counter, deque
from typing import NamedTuple

Reading = namedtuple("Reading", ["sensor", "seq", "value"])

class Summary(NamedTuple):
    sensor: str
    n: int
    mean: float
    stdev: float = 0.0

    def describe(self) -> str:
        return f"{self.sensor}: n={self.n} mean={self.mean:.2f} sd={self.stdev:.2f}"

readings: deque = deque(maxlen=50)
lock = threading.Lock()

def sensor(name: str, seed: int, count: int) -> None:
    rng = random.Random(seed)
    for seq in range(count):
        value = round(rng.gauss(20, 3), 1)
        with lock:
            readings.append(Reading(name, seq, value))

threads = [threading.Thread(target=sensor, args=(f"s{i}", i * 7, 8 + i)) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()

by_sensor = {}
for r in readings:
    by_sensor.setdefault(r.sensor, []).append(r.value)

summaries = [Summary(s, len(v), statistics.mean(v), statistics.stdev(v)) for s, v in sorted(by_sensor.items())]
for s in summaries:
    print(s.describe())
print(summaries[0])
print(summaries[0]._asdict())
print(summaries[1]._replace(n=0), Summary._fields, Summary("x", 1, 2.0).stdev)
r = Reading("z", 0, 1.5)
print(r, r._fields, r[2], r.value, tuple(r), Reading._make(["q", 1, 2]))
sensor_name, seq, value = r
print(sensor_name, seq, value)
all_values = [r.value for r in readings]
print(len(all_values), min(all_values), max(all_values))
print(statistics.median(all_values), round(statistics.pvariance(all_values), 4))
print(statistics.mode([round(v) for v in all_values]))
buckets = Counter(int(v // 5) * 5 for v in all_values)
for lo, n in sorted(buckets.items()):
    print(f"{lo:>3}-{lo + 4:<3} {'#' * n}")
print(buckets.most_common(2), sum(buckets.values()), buckets.total())
print(statistics.quantiles(sorted(all_values), n=4))
print(statistics.fmean([1, 2, 3, 4]), statistics.harmonic_mean([1, 2, 4]), statistics.median_low([1, 2, 3, 4]))
