import threading
from typing import NamedTuple, Optional


class Reading(NamedTuple):
    """One sensor's measurement."""

    sensor: str
    value: float
    unit: str = "C"

    def as_text(self, digits=1):
        return f"{self.sensor}: {self.value:.{digits}f} {self.unit}"

    def warmer(self, delta):
        return self._replace(value=self.value + delta)


readings: list[Reading] = []
lock = threading.Lock()


def sample(sensor: str, base: float, unit: Optional[str] = None) -> None:
    r = Reading(sensor, base) if unit is None else Reading(sensor, base, unit)
    with lock:
        readings.append(r.warmer(0.25))


threads = [threading.Thread(target=sample, args=a) for a in [("a", 20), ("b", 71.5, "F")]]
for t in threads:
    t.start()
    t.join()
for r in sorted(readings):
    name, value, unit = r
    print(r, r.as_text(), r.as_text(digits=3), name, r[1], r._asdict())
print(Reading._fields, Reading._field_defaults, isinstance(readings[0], tuple),
      isinstance(readings[0], Reading), Reading("c", 1.0) == ("c", 1.0, "C"))
print(Reading._make(["d", 2, "K"]), len({Reading("x", 1): 1, Reading("x", 1.0): 2}))
try:
    class Bad(NamedTuple):
        x: int = 0
        y: int
except TypeError as e:
    print(e)
try:
    Reading("e")
except TypeError as e:
    print(e)
