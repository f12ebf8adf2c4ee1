import enum
import threading
import time


class State(enum.Enum):
    IDLE = "idle"
    RUNNING = "running"
    DONE = "done"


class Priority(enum.IntEnum):
    LOW = 1
    HIGH = 2


status = {}
lock = threading.Lock()


def job(name, priority):
    with lock:
        status[name] = State.RUNNING
    time.sleep(0.01 * priority)
    with lock:
        status[name] = State.DONE


threads = [threading.Thread(target=job, args=(n, p)) for n, p in
           [("a", Priority.HIGH), ("b", Priority.LOW)]]
for n in ("a", "b"):
    status[n] = State.IDLE
print(status)
for t in threads:
    t.start()
for t in threads:
    t.join()
print(status["a"], status["a"].value, status["b"].name, State("idle"), State["DONE"])
print(list(State), Priority.HIGH > Priority.LOW, Priority.HIGH + 1, repr(Priority.LOW))
print(len(State), State.DONE in State, [p.name for p in sorted(Priority, reverse=True)])


class Color(enum.Enum):
    RED = enum.auto()
    GREEN = enum.auto()


print(Color.RED.value, Color.GREEN, Color(2).name)
