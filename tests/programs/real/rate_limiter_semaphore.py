import threading
import time
import logging

logging.basicConfig(format="[%(threadName)-10s] %(message)s", level=logging.DEBUG)


class RateLimiter:
    """Allow at most `limit` calls in flight at any moment."""

    def __init__(self, limit):
        self._sem = threading.BoundedSemaphore(limit)
        self._lock = threading.Lock()
        self.in_flight = 0
        self.peak = 0

    def __enter__(self):
        self._sem.acquire()
        with self._lock:
            self.in_flight += 1
            self.peak = max(self.peak, self.in_flight)
        return self

    def __exit__(self, *exc):
        with self._lock:
            self.in_flight -= 1
        self._sem.release()
        return False


limiter = RateLimiter(2)


def call_api(endpoint):
    with limiter:
        logging.debug("calling %s", endpoint)
        time.sleep(0.05)


threads = [threading.Thread(target=call_api, args=(f"/api/{i}",), name=f"client-{i}") for i in range(5)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("peak concurrency:", limiter.peak)

sem = threading.Semaphore(0)
print("non-blocking acquire on empty semaphore:", sem.acquire(blocking=False))
print("timed acquire:", sem.acquire(timeout=0.01))
sem.release(3)
print("after release(3):", sem._value)
bounded = threading.BoundedSemaphore(1)
try:
    bounded.release()
except ValueError as e:
    print("ValueError:", e)
try:
    threading.Semaphore(-1)
except ValueError as e:
    print("ValueError:", e)
