import io
import threading
from collections.abc import Mapping


class Bounded:
    """A class attribute that checks every value assigned to it."""

    def __init__(self, low, high):
        self.low, self.high = low, high

    def __set_name__(self, owner, name):
        self.private = "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.private)

    def __set__(self, obj, value):
        if not self.low <= value <= self.high:
            raise ValueError(f"{self.private[1:]}={value} not in [{self.low}, {self.high}]")
        setattr(obj, self.private, value)


class PoolSettings:
    workers = Bounded(1, 32)
    queue_size = Bounded(0, 1000)

    def __init__(self, workers=4, queue_size=100):
        self.workers = workers
        self.queue_size = queue_size
        self._lock = threading.Lock()

    def update(self, changes):
        if not isinstance(changes, Mapping):
            raise TypeError(f"changes must be a mapping, not {type(changes).__name__}")
        with self._lock:
            for key, value in changes.items():
                setattr(self, key, value)


settings = PoolSettings()
report = io.StringIO()
report_lock = threading.Lock()


def apply(name, changes):
    try:
        settings.update(changes)
        outcome = "ok"
    except (ValueError, TypeError) as e:
        outcome = f"rejected ({e})"
    with report_lock:
        print(f"{name:<8} {outcome}", file=report)


requests = [("alice", {"workers": 8}), ("bob", {"queue_size": 5000}), ("carol", [("workers", 2)]),
            ("dave", {"workers": 16, "queue_size": 250})]
threads = [threading.Thread(target=apply, args=r) for r in requests]
for t in threads:
    t.start()
    t.join()
print(report.getvalue(), end="")
print(settings.workers, settings.queue_size, type(PoolSettings.workers).__name__)
report.seek(0)
print(sum(1 for line in report.readlines() if "rejected" in line), "rejected")
