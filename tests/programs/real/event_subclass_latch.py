import threading
import time


class CountdownLatch(threading.Event):
    """An Event that opens once `count` workers have checked in."""

    def __init__(self, count):
        super().__init__()
        self.count = count
        self._count_lock = threading.Lock()

    def count_down(self):
        with self._count_lock:
            self.count -= 1
            if self.count == 0:
                self.set()


class TracingSemaphore(threading.BoundedSemaphore):
    def __init__(self, value, log):
        super().__init__(value)
        self.log = log

    def release(self, n=1):
        super().release(n)
        self.log.append(f"released by {threading.current_thread().name}")


log = []
latch = CountdownLatch(3)
slots = TracingSemaphore(2, log)


def service(name, startup):
    with slots:
        time.sleep(startup)
    latch.count_down()


for i, startup in enumerate([0.03, 0.01, 0.02]):
    threading.Thread(target=service, args=(f"svc{i}", startup), name=f"svc{i}").start()

print("waiting for services...")
print("all started:", latch.wait(timeout=2), "remaining:", latch.count)
time.sleep(0.01)
print(sorted(log))
print(isinstance(latch, threading.Event), type(slots).__mro__[1])
