# A bounded buffer on a Condition (wait_for), a pool, a Thread subclass polling an Event, a
# thread that crashes, a cancelled Timer's `finished` Event, and a semaphore's `_value`.
import threading, time, logging
from concurrent.futures import ThreadPoolExecutor, wait, FIRST_COMPLETED, ALL_COMPLETED
from contextlib import contextmanager

logging.basicConfig(level=logging.INFO, format="[%(levelname)s] (%(threadName)s) %(message)s")

class BoundedBuffer:
    def __init__(self, capacity):
        self.capacity = capacity
        self.buffer = []
        self.cond = threading.Condition()

    def put(self, x):
        with self.cond:
            while len(self.buffer) >= self.capacity:
                self.cond.wait()
            self.buffer.append(x)
            self.cond.notify_all()

    def get(self):
        with self.cond:
            self.cond.wait_for(lambda: len(self.buffer) > 0)
            x = self.buffer.pop(0)
            self.cond.notify_all()
            return x

    def __len__(self):
        return len(self.buffer)

    def __repr__(self):
        return f"BoundedBuffer({self.buffer!r}, cap={self.capacity})"

@contextmanager
def timed(label):
    t0 = time.monotonic()
    try:
        yield
    finally:
        logging.info("%s took %s", label, "some time" if time.monotonic() >= t0 else "negative")

local = threading.local()

def worker(buf, n):
    local.count = 0
    for i in range(n):
        buf.put(i)
        local.count += 1
    return local.count

class Stopper(threading.Thread):
    def __init__(self, ev):
        super().__init__(name="stopper")
        self.ev = ev
        self.ticks = 0
    def run(self):
        while not self.ev.wait(0.01):
            self.ticks += 1
            if self.ticks >= 3:
                break

def boom():
    raise ValueError("bad thing")

if __name__ == "__main__":
    buf = BoundedBuffer(2)
    with timed("pool"):
        with ThreadPoolExecutor(max_workers=2) as ex:
            futs = [ex.submit(worker, buf, 3) for _ in range(2)]
            got = [buf.get() for _ in range(6)]
            done, not_done = wait(futs, return_when=ALL_COMPLETED)
            print(sorted(got), len(done), len(not_done), [f.result() for f in futs])
    print(repr(buf), len(buf))
    ev = threading.Event()
    s = Stopper(ev)
    s.start(); s.join()
    print("ticks", s.ticks, s.name, s.is_alive())
    t = threading.Thread(target=boom, name="boomer")
    t.start(); t.join()
    timer = threading.Timer(5, lambda: print("never"))
    timer.start(); timer.cancel(); timer.join()
    print("cancelled", timer.finished.is_set())
    sem = threading.BoundedSemaphore(1)
    with sem:
        print("in sem", sem._value if hasattr(sem, "_value") else "?")
    try:
        sem.release()
    except ValueError as e:
        print("ValueError:", e)
