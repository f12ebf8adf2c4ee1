import threading
import logging
import sys

logging.basicConfig(stream=sys.stdout, level=logging.DEBUG, format="%(name)s %(levelname)s %(message)s")

class LoggingMixin:
    @property
    def logger(self):
        return logging.getLogger(type(self).__name__)

    def log(self, msg, *args):
        self.logger.info(msg, *args)

class LockedMixin:
    def __init__(self, *args, **kwargs):
        self._lock = threading.Lock()
        super().__init__(*args, **kwargs)

class Base:
    def __init__(self, name):
        self.name = name
        self.steps = ["Base"]

    def describe(self):
        return f"{self.name} via {' > '.join(self.steps)}"

    def hello(self):
        return "Base"

class Counter(LockedMixin, Base):
    def __init__(self, name, start=0):
        super().__init__(name)
        self.value = start
        self.steps.append("Counter")

    def increment(self, by=1):
        with self._lock:
            self.value += by

class LoggedCounter(LoggingMixin, Counter):
    def increment(self, by=1):
        super().increment(by)
        if self.value % 25 == 0:
            self.log("%s reached %d", self.name, self.value)

class Left(Base):
    def hello(self):
        return "Left>" + super().hello()

class Right(Base):
    def hello(self):
        return "Right>" + super().hello()

class Diamond(Left, Right):
    pass

c = LoggedCounter("hits")
threads = [threading.Thread(target=c.increment, args=(5,)) for _ in range(20)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(c.value, c.describe(), [k.__name__ for k in LoggedCounter.__mro__])
print(Diamond("d").hello(), [k.__name__ for k in Diamond.__mro__])
print(isinstance(c, (LockedMixin, str)), issubclass(LoggedCounter, Base), type(c).__name__)
print(getattr(c, "value"), hasattr(c, "_lock"), getattr(c, "missing", "default"))
setattr(c, "label", "x")
print(sorted(k for k in vars(c) if not k.startswith("_")), c.__class__.__name__)
