import threading
import time


class ReadWriteLock:
    """A readers-preferring read/write lock built from a Condition."""

    def __init__(self):
        self._readers = 0
        self._cond = threading.Condition(threading.Lock())

    def acquire_read(self):
        with self._cond:
            self._readers += 1

    def release_read(self):
        with self._cond:
            self._readers -= 1
            if self._readers == 0:
                self._cond.notify_all()

    def acquire_write(self):
        self._cond.acquire()
        while self._readers > 0:
            self._cond.wait()

    def release_write(self):
        self._cond.release()


shared = {"value": 0}
rw = ReadWriteLock()
log = []


def reader(n):
    for _ in range(3):
        rw.acquire_read()
        log.append(("read", n, shared["value"]))
        rw.release_read()
        time.sleep(0.01)


def writer(n):
    for _ in range(3):
        rw.acquire_write()
        shared["value"] += 1
        log.append(("write", n, shared["value"]))
        rw.release_write()
        time.sleep(0.01)


threads = [threading.Thread(target=reader, args=(i,)) for i in range(3)]
threads += [threading.Thread(target=writer, args=(i,)) for i in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("final value:", shared["value"])
print("writes:", sum(1 for entry in log if entry[0] == "write"))
print("reads:", sum(1 for entry in log if entry[0] == "read"))
