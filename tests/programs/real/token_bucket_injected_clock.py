"""A token-bucket rate limiter whose clock and sleep are injected (easy to test)."""
import threading
import time


class TokenBucket:
    def __init__(self, rate, capacity, clock=time.monotonic, sleep=time.sleep):
        self.rate = rate
        self.capacity = capacity
        self._clock = clock
        self._sleep = sleep
        self._tokens = capacity
        self._last = clock()
        self._lock = threading.Lock()

    def _refill(self):
        now = self._clock()
        self._tokens = min(self.capacity, self._tokens + (now - self._last) * self.rate)
        self._last = now

    def acquire(self):
        while True:
            with self._lock:
                self._refill()
                if self._tokens >= 1:
                    self._tokens -= 1
                    return
                wait = (1 - self._tokens) / self.rate
            self._sleep(wait)


bucket = TokenBucket(rate=10, capacity=2)
start = time.monotonic()
log = []
log_lock = threading.Lock()


def client(name, calls):
    for i in range(calls):
        bucket.acquire()
        with log_lock:
            log.append((round(time.monotonic() - start, 1), name, i))


threads = [threading.Thread(target=client, args=(n, 3)) for n in ("a", "b")]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("requests:", len(log))
print("first two immediate:", [entry[0] for entry in sorted(log)[:2]])
print("last at about", sorted(log)[-1][0], "s")
