import threading
from enum import IntEnum


class Priority(IntEnum):
    LOW = 1
    MEDIUM = 2
    HIGH = 3


done = []
lock = threading.Lock()


def handle(name, priority):
    if not isinstance(priority, int):
        raise TypeError(f"{name}: priority must be an int")
    with lock:
        done.append((name, priority * 10))


jobs = [("backup", Priority.LOW), ("email", Priority.HIGH), ("raw", 2)]
threads = [threading.Thread(target=handle, args=job) for job in jobs]
for t in threads:
    t.start()
    t.join()
print(done, isinstance(Priority.HIGH, (str, int)), issubclass(Priority, int))
print(isinstance(Priority.LOW, float), issubclass(Priority, (float, str)))
print(-Priority.HIGH, +Priority.LOW, ~Priority.LOW, abs(Priority.MEDIUM),
      type(-Priority.HIGH).__name__)
print(sorted(Priority, key=lambda p: -p))
