import threading
from contextlib import closing, contextmanager, nullcontext, suppress


class Connection:
    opened = 0

    def __init__(self, name):
        self.name = name
        Connection.opened += 1

    def query(self, q):
        return f"{self.name}: {q.upper()}"

    def close(self):
        print(f"closing {self.name}")


@contextmanager
def timer_section(label):
    print(f"enter {label}")
    yield label
    print(f"exit {label}")


def worker(n, lock):
    ctx = lock if n % 2 == 0 else nullcontext()
    with ctx:
        with closing(Connection(f"conn{n}")) as c:
            print(c.query(f"select {n}"))
    with suppress(KeyError):
        {}["missing"]
        print("never printed")
    with timer_section(f"w{n}") as lbl:
        print("inside", lbl)


lock = threading.Lock()
for i in range(3):
    t = threading.Thread(target=worker, args=(i, lock))
    t.start()
    t.join()
print("opened:", Connection.opened)
