import threading
import copy
from functools import partial

class Temperature:
    def __init__(self, celsius):
        self.celsius = celsius

    def __format__(self, spec):
        if spec.endswith("F"):
            return format(self.celsius * 9 / 5 + 32, spec[:-1] + "f") + "°F"
        if spec.endswith("K"):
            return format(self.celsius + 273.15, spec[:-1] + "f") + "K"
        return format(self.celsius, spec or ".1f") + "°C"

    def __round__(self, n=0):
        return Temperature(round(self.celsius, n))

    def __abs__(self):
        return Temperature(abs(self.celsius))

    def __index__(self):
        return int(self.celsius)

    def __repr__(self):
        return f"Temperature({self.celsius!r})"

class Station:
    def __init__(self, name):
        self.name = name
        self.readings = []

    def __call__(self, value):
        self.readings.append(Temperature(value))
        return self

stations = [Station(n) for n in ("oslo", "cairo", "lima")]
values = {"oslo": [-3.5, -1.25, 0.5], "cairo": [31.0, 35.75], "lima": [18.2]}
threads = []
for st in stations:
    for v in values[st.name]:
        threads.append(threading.Thread(target=partial(st, v)))
for t in threads:
    t.start()
    t.join()

for st in stations:
    temps = st.readings
    print(f"{st.name:<6}" + " ".join(f"{t:6.1f}" for t in temps))
    print(f"{'':<6}" + " ".join(f"{t:.0F}" for t in temps), f"{temps[0]:K}", f"{temps[0]}")
t = Temperature(-7.26)
print(round(t, 1), abs(t), [10, 20, 30][Temperature(1.9)], bin(Temperature(5)), hex(Temperature(255)))
Point = type("Point", (), {"x": 0, "y": 0, "norm": lambda self: (self.x ** 2 + self.y ** 2) ** 0.5})
p = Point()
p.x, p.y = 3, 4
print(Point.__name__, p.norm(), isinstance(p, Point))
base = {"readings": [1, 2], "meta": {"unit": "C"}}
shallow, deep = copy.copy(base), copy.deepcopy(base)
base["readings"].append(3)
base["meta"]["unit"] = "F"
print(shallow, deep)
s2 = copy.deepcopy(stations[2])
s2.readings.append(Temperature(0))
print(len(stations[2].readings), len(s2.readings), s2 is not stations[2])
