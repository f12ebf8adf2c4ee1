import threading


class Thermostat:
    def __init__(self):
        self._lock = threading.Lock()
        self._temp = 20

    @property
    def temperature(self):
        with self._lock:
            return self._temp

    @temperature.setter
    def temperature(self, value):
        if not 5 <= value <= 30:
            raise ValueError(f"{value} is out of range")
        with self._lock:
            self._temp = value


t = Thermostat()


def adjust(delta):
    for _ in range(10):
        with t._lock:
            t._temp += delta


threads = [threading.Thread(target=adjust, args=(d,)) for d in (1, -1, 1)]
for th in threads:
    th.start()
for th in threads:
    th.join()
print("temperature:", t.temperature)
t.temperature = 25
print("set to", t.temperature)
try:
    t.temperature = 99
except ValueError as e:
    print("ValueError:", e)
