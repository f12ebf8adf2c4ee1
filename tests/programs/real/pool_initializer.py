import threading
from concurrent.futures import ThreadPoolExecutor

local = threading.local()
created = []
lock = threading.Lock()


def init_worker(prefix):
    local.conn = f"{prefix}-conn"
    with lock:
        created.append(local.conn)


def query(n):
    return f"{local.conn.split('-')[0]} answered {n}"


with ThreadPoolExecutor(max_workers=2, initializer=init_worker, initargs=("db",)) as ex:
    for line in ex.map(query, range(4)):
        print(line)
print("connections made:", len(created) <= 2, set(created))
