import threading


class Tracked:
    """A context manager that records entry/exit and can swallow errors."""
    active = 0
    lock = threading.Lock()

    def __init__(self, label, suppress=False):
        self.label = label
        self.suppress = suppress

    def __enter__(self):
        with Tracked.lock:
            Tracked.active += 1
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        with Tracked.lock:
            Tracked.active -= 1
        if exc_type is not None:
            print(f"{self.label}: caught {exc_type.__name__}: {exc_value}")
            return self.suppress
        print(f"{self.label}: clean exit")
        return False


def task(n, out):
    with Tracked(f"task-{n}", suppress=(n % 2 == 0)) as t:
        if n == 2:
            raise ValueError("bad input %d" % n)
        out.append((t.label, n * n))


out = []
for i in range(4):
    th = threading.Thread(target=task, args=(i, out))
    th.start()
    th.join()

print(sorted(out))
print("active:", Tracked.active)

try:
    with Tracked("outer"):
        raise KeyError("missing")
except KeyError as e:
    print("propagated:", repr(e))
