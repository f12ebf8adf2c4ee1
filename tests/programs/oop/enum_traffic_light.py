import threading
import time
from enum import Enum


class Light(Enum):
    RED = 1
    GREEN = 2
    YELLOW = 3

    def next(self):
        order = list(Light)
        return order[(order.index(self) + 1) % len(order)]

    @property
    def can_go(self):
        return self is Light.GREEN

    def __str__(self):
        return self.name.lower()


class Intersection:
    def __init__(self):
        self.light = Light.RED
        self.changed = threading.Condition()
        self.log = []
        self.crossed = 0
        self.crossings = []

    def controller(self, cars):
        while True:
            time.sleep(0.01)
            with self.changed:
                if self.crossed == cars:
                    return
                self.light = self.light.next()
                self.log.append(str(self.light))
                self.changed.notify_all()

    def car(self, name):
        with self.changed:
            self.changed.wait_for(lambda: self.light.can_go)
            self.crossed += 1
            self.crossings.append(f"{name} crosses on {self.light}")


x = Intersection()
cars = [threading.Thread(target=x.car, args=(f"car{i}",)) for i in range(2)]
for c in cars:
    c.start()
ctl = threading.Thread(target=x.controller, args=(len(cars),))
ctl.start()
ctl.join()
for c in cars:
    c.join()
print(*sorted(x.crossings), sep="\n")  # which car the notify_all wakes first varies
print(x.log[0], x.crossed, Light.GREEN.can_go, Light(3), repr(Light.RED.next()))
print({light: light.value for light in Light})
