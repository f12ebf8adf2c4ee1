import threading
from dataclasses import dataclass, asdict, astuple, replace, fields


@dataclass
class Reading:
    sensor: str
    value: float
    unit: str = "C"


class Sensor(threading.Thread):
    def __init__(self, sensor_id, values):
        super().__init__()
        self.sensor_id = sensor_id
        self.values = values
        self.readings = []

    def run(self):
        for v in self.values:
            self.readings.append(Reading(self.sensor_id, v))


s = Sensor("s1", [20.5, 21.0, 19.75])
print(s.name, s.is_alive())
s.start()
s.join()
first = s.readings[0]
print(f"{first=}")
print(f"{first.value=:.1f} {len(s.readings)=}")
print(asdict(first))
print(astuple(s.readings[-1]))
hot = replace(first, value=99.9)
print(hot, first)
print([f.name for f in fields(Reading)])
avg = sum(r.value for r in s.readings) / len(s.readings)
print(f"average: {avg:.2f} {Reading.__name__}")
print(s.is_alive(), s.name.startswith("Thread-"))
