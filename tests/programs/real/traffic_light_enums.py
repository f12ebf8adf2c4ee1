import threading
import time
from enum import Enum, IntFlag, StrEnum, auto, unique

@unique
class Light(Enum):
    RED = ("stop", 3)
    YELLOW = ("slow", 1)
    GREEN = ("go", 2)

    def __init__(self, action, seconds):
        self.action = action
        self.seconds = seconds

    @property
    def next(self):
        order = list(Light)
        return order[(order.index(self) + 1) % len(order)]

    @classmethod
    def from_action(cls, action):
        for light in cls:
            if light.action == action:
                return light
        raise ValueError(f"no light for {action!r}")

class Direction(StrEnum):
    NORTH = auto()
    EAST = auto()

class Sensor(IntFlag):
    NONE = 0
    CAR = 1
    BIKE = 2
    PEDESTRIAN = 4

log = []
lock = threading.Lock()
stop = threading.Event()

def controller(direction, start, cycles):
    light = start
    for _ in range(cycles):
        with lock:
            log.append((direction, light.name, light.action))
        time.sleep(light.seconds / 100)
        light = light.next

threads = [threading.Thread(target=controller, args=(d, s, 4))
           for d, s in ((Direction.NORTH, Light.RED), (Direction.EAST, Light.GREEN))]
for t in threads:
    t.start()
for t in threads:
    t.join()

for direction in Direction:
    seq = [name for d, name, _ in log if d == direction]
    print(f"{direction:>6}: {' -> '.join(seq)}")
print(Light.RED.value, Light.GREEN.seconds, Light.from_action("slow"), Light["YELLOW"].next)
print(list(Light.__members__), Direction.NORTH == "north", Direction("east").upper(), len(Direction))
seen = Sensor.CAR | Sensor.PEDESTRIAN
print(seen, Sensor.BIKE in seen, int(seen), Sensor(3), [s.name for s in Sensor if s and s in seen])
try:
    Light.from_action("dance")
except ValueError as e:
    print("ValueError:", e)
print(sorted(Light, key=lambda l: l.seconds)[0], max(Light, key=lambda l: l.seconds).name)
