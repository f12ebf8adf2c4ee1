"""Sensors sampled by worker threads; stats computed with properties and __slots__."""
import threading
import random
from statistics import mean


class Reading:
    __slots__ = ("sensor", "value", "seq")

    def __init__(self, sensor, value, seq):
        self.sensor = sensor
        self.value = value
        self.seq = seq

    def __repr__(self):
        return f"Reading({self.sensor!r}, {self.value:.3f}, #{self.seq})"


class SensorHub:
    unit = "°C"
    instances = 0

    def __init__(self, name):
        self.name = name
        self._readings = []
        self._lock = threading.Lock()
        SensorHub.instances += 1

    @property
    def count(self):
        with self._lock:
            return len(self._readings)

    @property
    def average(self):
        with self._lock:
            if not self._readings:
                return float("nan")
            return mean(r.value for r in self._readings)

    def record(self, reading):
        with self._lock:
            self._readings.append(reading)

    def by_sensor(self):
        with self._lock:
            groups = {}
            for r in self._readings:
                groups.setdefault(r.sensor, []).append(r.value)
            return groups


def sample(hub, sensor, seed, n):
    rng = random.Random(seed)
    for seq in range(n):
        hub.record(Reading(sensor, 20 + rng.gauss(0, 2.5), seq))


hub = SensorHub("lab")
threads = [threading.Thread(target=sample, args=(hub, f"s{i}", i * 7, 5), name=f"sampler-{i}")
           for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()

print(f"{hub.name}: {hub.count} readings, mean {hub.average:>8.3f}{SensorHub.unit}")
for sensor, values in sorted(hub.by_sensor().items()):
    lo, hi = min(values), max(values)
    print(f"  {sensor:<4}|{lo:>7.2f} ..{hi:>7.2f} | spread {hi - lo:6.3f} | {len(values):03d}")
try:
    r = Reading("x", 1.0, 0)
    r.extra = 1
except AttributeError as e:
    print("slots:", e)
print("hubs:", SensorHub.instances, f"{1234567.891:,.2f}", f"{0.256:.1%}", f"{42:#x}", f"{7:08b}")
