import threading
import time


class StoppableWorker(threading.Thread):
    def __init__(self, name, interval):
        super().__init__(name=name, daemon=True)
        self.interval = interval
        self._stop_event = threading.Event()
        self.ticks = 0

    def stop(self):
        self._stop_event.set()

    @property
    def stopped(self):
        return self._stop_event.is_set()

    def run(self):
        while not self._stop_event.wait(self.interval):
            self.ticks += 1
            self.on_tick()

    def on_tick(self):
        pass


class Printer(StoppableWorker):
    def __init__(self, name, interval, limit):
        super().__init__(name, interval)
        self.limit = limit

    def on_tick(self):
        print(f"{self.name}: tick {self.ticks}")
        if self.ticks >= self.limit:
            self.stop()


class Silent(StoppableWorker):
    def on_tick(self):
        super().on_tick()


p = Printer("printer", 0.01, 3)
s = Silent("silent", 0.05)
p.start()
s.start()
p.join()
s.stop()
s.join(timeout=1)
print(p.stopped, s.stopped, p.ticks, s.is_alive())
print(isinstance(p, threading.Thread), Printer.__mro__[1].__name__, Printer.__bases__)
print(p.name, p.daemon, repr(p).startswith("<Printer(printer, stopped daemon"))
print(issubclass(Silent, StoppableWorker), type(s).__name__, hasattr(s, "limit"))
