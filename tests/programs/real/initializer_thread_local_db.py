import threading
from concurrent.futures import ThreadPoolExecutor

local = threading.local()
connections = []
connections_lock = threading.Lock()


class FakeConnection:
    counter = 0

    def __init__(self, dsn):
        FakeConnection.counter += 1
        self.id = FakeConnection.counter
        self.dsn = dsn
        self.queries = 0

    def query(self, sql):
        self.queries += 1
        return f"{sql} via conn"


def init_worker(dsn, verbose):
    with connections_lock:
        local.conn = FakeConnection(dsn)
        connections.append(local.conn)
    if verbose:
        print(f"{threading.current_thread().name} opened connection to {dsn}")


def run_query(n):
    return local.conn.query(f"SELECT {n}")


with ThreadPoolExecutor(max_workers=2, thread_name_prefix="dbworker",
                        initializer=init_worker, initargs=("sqlite://memory", True)) as pool:
    results = list(pool.map(run_query, range(6)))

print(results)
print("connections opened:", len(connections))
print("total queries:", sum(c.queries for c in connections))
print("main thread has conn:", hasattr(local, "conn"))

