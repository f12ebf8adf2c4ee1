import threading
from contextlib import contextmanager

class ResourceError(Exception):
    """A query the database refused."""

class PoolExhausted(ResourceError):
    """No connection came free in time."""

class Connection:
    def __init__(self, pool, cid):
        self.pool, self.cid = pool, cid
    def query(self, sql):
        if "DROP" in sql.upper():
            raise ResourceError(f"refused: {sql!r}")
        return f"conn{self.cid}:{sql.split()[0].lower()}"
    def __enter__(self):
        return self
    def __exit__(self, exc_type, exc, tb):
        self.pool.release(self)
        if exc_type is ResourceError:
            self.pool.log.append(f"conn{self.cid} swallowed {exc}")
            return True
        return False

class Pool:
    def __init__(self, size):
        self._free = [Connection(self, i) for i in range(size)]
        self._sem, self._lock, self.log = threading.BoundedSemaphore(size), threading.Lock(), []
    def acquire(self, timeout=None):
        if not self._sem.acquire(timeout=timeout):
            raise PoolExhausted("no connection available")
        with self._lock:
            return self._free.pop()
    def release(self, conn):
        with self._lock:
            self._free.append(conn)
        self._sem.release()

@contextmanager
def timed_section(name, record):
    record.append(f"enter {name}")
    try:
        yield name.upper()
    except ZeroDivisionError as e:
        record.append(f"{name} failed: {e}")
    finally:
        record.append(f"exit {name}")

pool = Pool(2)
results = []
results_lock = threading.Lock()

def client(n, sqls):
    for sql in sqls:
        with pool.acquire() as conn:
            out = conn.query(sql)
            with results_lock:
                results.append((n, out))

jobs = {1: ["SELECT 1", "UPDATE t"], 2: ["DROP TABLE x", "SELECT 2"], 3: ["INSERT y"]}
threads = [threading.Thread(target=client, args=item) for item in jobs.items()]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results))
print(pool.log)
print(len(pool._free), sorted(c.cid for c in pool._free))
record = []
with timed_section("load", record) as label:
    print("inside", label)
with timed_section("calc", record):
    1 / 0
print(record)
try:
    with pool.acquire() as a, pool.acquire() as b:
        pool.acquire(timeout=0.01)
except PoolExhausted as e:
    print(type(e).__name__, e, isinstance(e, ResourceError), len(pool._free))
