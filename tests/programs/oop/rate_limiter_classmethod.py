import threading
import time


class RateLimiter:
    instances = []

    def __init__(self, max_calls, period):
        self.max_calls = max_calls
        self.period = period
        self.calls = []
        self.lock = threading.Lock()
        type(self).instances.append(self)

    @classmethod
    def per_second(cls, n):
        return cls(n, 1.0)

    @classmethod
    def count(cls):
        return len(cls.instances)

    def allow(self):
        now = time.monotonic()
        with self.lock:
            self.calls = [t for t in self.calls if now - t < self.period]
            if len(self.calls) < self.max_calls:
                self.calls.append(now)
                return True
            return False


limiter = RateLimiter.per_second(3)
results = {}
lock = threading.Lock()


def client(name):
    ok = 0
    for _ in range(2):
        if limiter.allow():
            ok += 1
    with lock:
        results[name] = ok


threads = [threading.Thread(target=client, args=(f"c{i}",)) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("allowed in total:", sum(results.values()))
print("limiters:", RateLimiter.count(), limiter.max_calls, limiter.period)
