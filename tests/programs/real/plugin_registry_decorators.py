import threading
import functools
from typing import ClassVar

class Plugin:
    registry: ClassVar[dict] = {}

    def __init_subclass__(cls, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry[cls.plugin_name] = cls

    def __call__(self, value):
        return self.apply(value)

class Upper(Plugin, name="upper"):
    def apply(self, value):
        return value.upper()

class Reverse(Plugin):
    def apply(self, value):
        return value[::-1]

class Repeat(Plugin, name="twice"):
    times = 2

    def apply(self, value):
        return value * self.times

def synchronized(method):
    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        with self._lock:
            return method(self, *args, **kwargs)
    return wrapper

def add_lock(cls):
    original_init = cls.__init__

    def __init__(self, *args, **kwargs):
        self._lock = threading.Lock()
        original_init(self, *args, **kwargs)

    cls.__init__ = __init__
    return cls

@add_lock
class Pipeline:
    def __init__(self, *names):
        self.steps = [Plugin.registry[n]() for n in names]
        self.processed = []

    @synchronized
    def run(self, text):
        for step in self.steps:
            text = step(text)
        self.processed.append(text)
        return text

pipe = Pipeline("upper", "reverse", "twice")
words = ["abc", "thread", "lock", "queue"]
threads = [threading.Thread(target=pipe.run, args=(w,)) for w in words]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(pipe.processed))
print(sorted(Plugin.registry), Upper.plugin_name, Reverse.plugin_name, Repeat.plugin_name)
print(Pipeline.run.__name__, callable(Upper()), Reverse()("xyz"), hasattr(pipe, "_lock"))
print([type(s).__name__ for s in pipe.steps], isinstance(pipe.steps[0], Plugin))
