import threading
import time
import random

MAX_CONNECTIONS = 2
pool = threading.BoundedSemaphore(MAX_CONNECTIONS)
active = 0
peak = 0
lock = threading.Lock()


def use_connection(user):
    global active, peak
    with pool:
        with lock:
            active += 1
            peak = max(peak, active)
        time.sleep(random.uniform(0.01, 0.05))
        with lock:
            active -= 1


users = [threading.Thread(target=use_connection, args=(u,)) for u in range(6)]
for u in users:
    u.start()
for u in users:
    u.join()
print("peak concurrent connections:", peak)
try:
    pool.release()
except ValueError as e:
    print("ValueError:", e)
sem = threading.Semaphore(0)
print(sem.acquire(timeout=0.01), sem.acquire(blocking=False))
