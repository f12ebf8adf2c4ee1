"""Course lab 6: the readers-writers problem with a readers-preference lock."""
import threading
import time


class ReadWriteLock:
    def __init__(self):
        self._readers = 0
        self._counter_lock = threading.Lock()
        self._resource = threading.Lock()

    def acquire_read(self):
        with self._counter_lock:
            self._readers += 1
            if self._readers == 1:
                self._resource.acquire()

    def release_read(self):
        with self._counter_lock:
            self._readers -= 1
            if self._readers == 0:
                self._resource.release()

    def acquire_write(self):
        self._resource.acquire()

    def release_write(self):
        self._resource.release()


rw = ReadWriteLock()
database = {"version": 0}
reads = []


def reader(rid):
    for _ in range(3):
        rw.acquire_read()
        try:
            reads.append((rid, database["version"]))
        finally:
            rw.release_read()
        time.sleep(0.01)


def writer():
    for _ in range(3):
        rw.acquire_write()
        try:
            database["version"] += 1
        finally:
            rw.release_write()
        time.sleep(0.015)


threads = [threading.Thread(target=reader, args=(i,)) for i in range(3)]
threads.append(threading.Thread(target=writer))
for t in threads:
    t.start()
for t in threads:
    t.join()
print("final version:", database["version"])
print("reads:", len(reads), "all versions valid:", all(0 <= v <= 3 for _, v in reads))
