import functools
import threading
import time
from collections import Counter

def counted(func):
    """Count calls per thread, safely."""
    lock = threading.Lock()

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        with lock:
            wrapper.calls += 1
            wrapper.by_thread[threading.current_thread().name] += 1
        return func(*args, **kwargs)

    wrapper.calls = 0
    wrapper.by_thread = Counter()
    return wrapper

def retry(times=3, exceptions=(ValueError,)):
    def decorator(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            last = None
            for attempt in range(1, times + 1):
                try:
                    return func(*args, attempt=attempt, **kwargs)
                except exceptions as exc:
                    last = exc
            raise RuntimeError(f"{func.__name__} failed after {times} attempts") from last
        return wrapper
    return decorator

@counted
def square(x):
    """Return x squared."""
    time.sleep(0.001)
    return x * x

@retry(times=3)
def flaky(n, attempt=1):
    if attempt < n:
        raise ValueError(f"attempt {attempt} too early")
    return f"ok on attempt {attempt}"

results = []
res_lock = threading.Lock()

def worker(nums):
    for n in nums:
        value = square(n)
        with res_lock:
            results.append(value)

threads = [threading.Thread(target=worker, args=(range(i, 20, 4),), name=f"W{i}") for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()

print(square.__name__, square.__doc__, square.__wrapped__.__name__)
print("calls:", square.calls, "sum:", sum(results), "sorted head:", sorted(results)[:5])
print(sorted(square.by_thread.items()))
print(flaky(2))
try:
    flaky(5)
except RuntimeError as e:
    print(e, "| cause:", repr(e.__cause__))
