# The Python docs' Planet: an enumeration whose __init__ unpacks each member's tuple value.
import threading
from enum import Enum


class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    VENUS = (4.869e+24, 6.0518e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass  # in kilograms
        self.radius = radius  # in meters

    @property
    def surface_gravity(self):
        G = 6.673e-11
        return G * self.mass / (self.radius * self.radius)


class Level(Enum):
    LOW = 1
    HIGH = 2

    def __init__(self, rank):
        self.label = f"level-{rank}"


weights = {}
lock = threading.Lock()


def weigh(planet, kg):
    with lock:
        weights[planet.name] = round(kg * planet.surface_gravity, 2)


threads = [threading.Thread(target=weigh, args=(p, 70)) for p in Planet]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(weights.items()), Planet.EARTH.value, Planet.VENUS.radius)
print([lv.label for lv in Level], Level(2).label, Planet((5.976e+24, 6.37814e6)))
