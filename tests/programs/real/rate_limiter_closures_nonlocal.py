import threading
import time


def make_rate_limiter(max_calls, per_seconds):
    calls = []
    lock = threading.Lock()
    rejected = 0

    def allow(now):
        nonlocal rejected
        with lock:
            while calls and now - calls[0] >= per_seconds:
                calls.pop(0)
            if len(calls) < max_calls:
                calls.append(now)
                return True
            rejected += 1
            return False

    def stats():
        return {"window": list(calls), "rejected": rejected}

    allow.stats = stats
    return allow


limiter = make_rate_limiter(3, 1.0)
log = []
log_lock = threading.Lock()


def client(name, times):
    for t in times:
        ok = limiter(t)
        with log_lock:
            log.append((t, name, "ok" if ok else "rejected"))


schedule = {"a": [0.0, 0.1, 0.2], "b": [0.15, 0.5, 1.05], "c": [1.1, 1.2, 2.5]}
for name, times in schedule.items():
    th = threading.Thread(target=client, args=(name, times))
    th.start()
    th.join()

for t, name, status in sorted(log):
    print(f"t={t:4.2f} {name} {status}")
print(limiter.stats())

counter = 0
counter_lock = threading.Lock()


def bump(n):
    global counter
    for _ in range(n):
        with counter_lock:
            counter += 1


ts = [threading.Thread(target=bump, args=(1000,)) for _ in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("counter", counter)
adders = {n: (lambda x, n=n: x + n) for n in range(3)}
print({k: f(10) for k, f in adders.items()}, (lambda *a, **k: (a, k))(1, 2, z=3))
