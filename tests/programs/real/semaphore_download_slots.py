import threading
import time
from contextlib import contextmanager

MAX_PARALLEL = 2
slots = threading.BoundedSemaphore(MAX_PARALLEL)
active = 0
peak = 0
counter_lock = threading.Lock()
done_order = []


@contextmanager
def slot():
    global active, peak
    with slots:
        with counter_lock:
            active += 1
            peak = max(peak, active)
        try:
            yield
        finally:
            with counter_lock:
                active -= 1


def download(name, size):
    with slot():
        time.sleep(size / 10)
        done_order.append(name)


files = [("a.zip", 3), ("b.zip", 1), ("c.zip", 2), ("d.zip", 1), ("e.zip", 4)]
threads = [threading.Thread(target=download, args=f) for f in files]

for t in threads:
    t.start()
for t in threads:
    t.join()

print("peak parallel downloads:", peak)
print("finished:", done_order)
