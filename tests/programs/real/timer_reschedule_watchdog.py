import threading
import time


class Watchdog:
    def __init__(self, timeout, on_expire):
        self.timeout = timeout
        self.on_expire = on_expire
        self.timer = None
        self.lock = threading.Lock()

    def kick(self):
        with self.lock:
            if self.timer:
                self.timer.cancel()
            self.timer = threading.Timer(self.timeout, self.on_expire)
            self.timer.daemon = True
            self.timer.start()

    def stop(self):
        with self.lock:
            if self.timer:
                self.timer.cancel()


expired = threading.Event()
dog = Watchdog(0.2, lambda: (print("watchdog expired!"), expired.set()))
for i in range(3):
    dog.kick()
    time.sleep(0.1)
    print("kicked", i)
print("expired early?", expired.is_set())
expired.wait(1)
print("expired after silence:", expired.is_set())
dog.stop()
