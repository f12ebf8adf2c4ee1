import threading
import time


class RateLimiter:
    """Token bucket: at most `rate` calls per second."""

    def __init__(self, rate, capacity):
        self.rate = rate
        self.capacity = capacity
        self.tokens = capacity
        self.last = time.monotonic()
        self.lock = threading.Lock()

    def acquire(self):
        while True:
            with self.lock:
                now = time.monotonic()
                elapsed = now - self.last
                self.last = now
                self.tokens = min(self.capacity, self.tokens + elapsed * self.rate)
                if self.tokens >= 1:
                    self.tokens -= 1
                    return
                wait = (1 - self.tokens) / self.rate
            time.sleep(wait)


limiter = RateLimiter(rate=10, capacity=2)
calls = []
calls_lock = threading.Lock()


def client(cid):
    for i in range(3):
        limiter.acquire()
        with calls_lock:
            calls.append((cid, i))


start = time.monotonic()
threads = [threading.Thread(target=client, args=(c,)) for c in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.monotonic() - start
print("calls made:", len(calls))
print("took at least 0.6s:", elapsed >= 0.6)
print("per client:", {c: sum(1 for x, _ in calls if x == c) for c in range(3)})
