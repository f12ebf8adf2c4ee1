# A Thread subclass that lists a mixin after Thread, with its own __repr__ (shown in lists).
import threading


class LoggingMixin:
    def log(self, msg):
        with self._log_lock:
            self.messages.append(f"[{self.__class__.__name__}] {msg}")


class Counter:
    def __init__(self):
        self.messages = []
        self._log_lock = threading.Lock()
        self.ticks = 0


class Worker(threading.Thread, LoggingMixin):
    def __init__(self, owner, n):
        threading.Thread.__init__(self, name=f"worker-{n}")
        self.owner = owner
        self.n = n
        self.messages = owner.messages
        self._log_lock = owner._log_lock

    def run(self):
        for _ in range(2):
            with self._log_lock:
                self.owner.ticks += 1
        self.log(f"{self.name} done")

    def __repr__(self):
        return f"<Worker {self.n}>"


class Failure(ValueError, LoggingMixin):
    pass


counter = Counter()
workers = [Worker(counter, i) for i in range(3)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print(sorted(counter.messages), counter.ticks, workers, {workers[0]: "first"})
print(isinstance(workers[0], LoggingMixin), [c.__name__ for c in Worker.__mro__])
try:
    raise Failure("bad value")
except ValueError as e:
    print(type(e).__name__, e, isinstance(e, LoggingMixin))
