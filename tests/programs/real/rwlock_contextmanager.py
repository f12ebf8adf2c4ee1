import threading
import time
from contextlib import contextmanager


@contextmanager
def acquire_timeout(lock, timeout):
    acquired = lock.acquire(timeout=timeout)
    try:
        yield acquired
    finally:
        if acquired:
            lock.release()


class ReadWriteLock:
    def __init__(self):
        self._cond = threading.Condition(threading.Lock())
        self._readers = 0
        self._writer = False

    @contextmanager
    def read_locked(self):
        with self._cond:
            self._cond.wait_for(lambda: not self._writer)
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextmanager
    def write_locked(self):
        with self._cond:
            self._cond.wait_for(lambda: not self._writer and self._readers == 0)
            self._writer = True
        try:
            yield
        finally:
            with self._cond:
                self._writer = False
                self._cond.notify_all()


rw = ReadWriteLock()
config = {"version": 0}
seen = []


def reader(n):
    for _ in range(3):
        with rw.read_locked():
            seen.append(config["version"])
            time.sleep(0.02)


def writer():
    for _ in range(2):
        with rw.write_locked():
            config["version"] += 1
            time.sleep(0.03)


threads = [threading.Thread(target=reader, args=(i,)) for i in range(3)]
threads.append(threading.Thread(target=writer))
for t in threads:
    t.start()
for t in threads:
    t.join()
print("reads:", len(seen), "final version:", config["version"])
print("versions seen are valid:", set(seen) <= {0, 1, 2})

printer = threading.Lock()
printer.acquire()  # another job holds the printer until the third attempt
threading.Timer(0.12, printer.release).start()
for attempt in range(3):
    with acquire_timeout(printer, 0.05) as got:
        print(f"attempt {attempt}: {'printing' if got else 'printer busy'}")
