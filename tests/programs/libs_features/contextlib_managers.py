import threading
import time
from contextlib import contextmanager, suppress, nullcontext


@contextmanager
def timer(label):
    start = time.perf_counter()
    print(f"{label}: start")
    yield start
    elapsed = time.perf_counter() - start
    print(f"{label}: took {elapsed:.1f}s")


@contextmanager
def acquired(lock, who):
    lock.acquire()
    try:
        yield who.upper()
    finally:
        lock.release()


lock = threading.Lock()
shared = []


def worker(name):
    with acquired(lock, name) as tag:
        shared.append(tag)
        time.sleep(0.1)


with timer("all workers") as t0:
    ts = [threading.Thread(target=worker, args=(n,)) for n in "abc"]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
print(sorted(shared), t0 == 0 or t0 > 0, lock.locked())
with suppress(KeyError, IndexError):
    [][1]
print("suppressed")
with nullcontext(5) as v:
    print("null", v)
try:
    with suppress(KeyError):
        1 / 0
except ZeroDivisionError:
    print("not suppressed")
