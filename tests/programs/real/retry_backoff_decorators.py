import functools
import random
import threading
import time

rng = random.Random(7)
attempts_log = []
log_lock = threading.Lock()

class TransientError(Exception):
    pass

def retry(max_attempts=4, base_delay=0.01, exceptions=(TransientError,)):
    def decorator(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            delay = base_delay
            for attempt in range(1, max_attempts + 1):
                try:
                    return func(*args, **kwargs)
                except exceptions as exc:
                    with log_lock:
                        attempts_log.append((func.__name__, args[0], attempt, str(exc)))
                    if attempt == max_attempts:
                        raise
                    time.sleep(delay)
                    delay *= 2
        wrapper.max_attempts = max_attempts
        return wrapper
    return decorator

def timed(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        return func(*args, **kwargs)
    wrapper.calls = 0
    return wrapper

failures = {"a": 2, "b": 0, "c": 5, "d": 1}
seen = {k: 0 for k in failures}

@timed
@retry(max_attempts=3)
def fetch(key):
    """Fetch a value, failing the first few times."""
    seen[key] += 1
    if seen[key] <= failures[key]:
        raise TransientError(f"{key} not ready ({seen[key]})")
    return key.upper() * seen[key]

results = {}

def worker(key):
    try:
        results[key] = fetch(key)
    except TransientError as e:
        results[key] = f"gave up: {e}"

threads = [threading.Thread(target=worker, args=(k,)) for k in failures]
for t in threads:
    t.start()
for t in threads:
    t.join()
for k in sorted(results):
    print(f"{k}: {results[k]}")
print(sorted(attempts_log))
print(fetch.__name__, fetch.__doc__, fetch.calls, fetch.__wrapped__.max_attempts)
