import threading
import time


class TokenBucket:
    def __init__(self, rate, capacity):
        self.rate = rate
        self.capacity = capacity
        self.tokens = capacity
        self.last = time.monotonic()
        self.lock = threading.Lock()

    def consume(self):
        with self.lock:
            now = time.monotonic()
            self.tokens = min(self.capacity, self.tokens + (now - self.last) * self.rate)
            self.last = now
            if self.tokens >= 1:
                self.tokens -= 1
                return True
            return False


bucket = TokenBucket(rate=10, capacity=2)
accepted = []
rejected = []


def client(cid):
    for attempt in range(3):
        if bucket.consume():
            accepted.append((cid, attempt))
        else:
            rejected.append((cid, attempt))
        time.sleep(0.05)


threads = [threading.Thread(target=client, args=(i,)) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("requests:", len(accepted) + len(rejected))
print("some accepted:", len(accepted) > 0)
