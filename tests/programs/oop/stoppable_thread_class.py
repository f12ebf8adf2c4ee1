import threading
import time


class StoppableThread(threading.Thread):
    """Thread class with a stop() method. The thread itself has to check
    regularly for the stopped() condition."""

    def __init__(self, *args, **kwargs):
        super(StoppableThread, self).__init__(*args, **kwargs)
        self._stop_event = threading.Event()

    def stop(self):
        self._stop_event.set()

    def stopped(self):
        return self._stop_event.is_set()


class Pinger(StoppableThread):
    def __init__(self, interval):
        super().__init__(name="pinger", daemon=True)
        self.interval = interval
        self.count = 0

    def run(self):
        while not self.stopped():
            self.count += 1
            if self.count <= 3:
                print(f"[{self.name}] ping {self.count}")
            self._stop_event.wait(self.interval)
        print(f"[{self.name}] stopped cleanly")


p = Pinger(0.1)
p.start()
time.sleep(0.25)
p.stop()
p.join()
print("alive after join:", p.is_alive(), "pings >= 3:", p.count >= 3)
print(p.daemon, isinstance(p, StoppableThread), p.stopped())
