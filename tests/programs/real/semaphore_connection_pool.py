import threading
import time


class ConnectionPool:
    def __init__(self, size):
        self._slots = threading.Semaphore(size)
        self._lock = threading.Lock()
        self.active = 0
        self.peak = 0

    def use(self, client):
        with self._slots:
            with self._lock:
                self.active += 1
                self.peak = max(self.peak, self.active)
            time.sleep(0.05)
            with self._lock:
                self.active -= 1


pool = ConnectionPool(2)
clients = [threading.Thread(target=pool.use, args=(i,)) for i in range(6)]
for c in clients:
    c.start()
for c in clients:
    c.join()
print("clients served:", len(clients))
print("most connections at once:", pool.peak)
print("still active:", pool.active)
