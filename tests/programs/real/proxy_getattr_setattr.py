import threading

class Recorder:
    """Wraps an object, recording every attribute it hands out."""

    def __init__(self, target):
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "_log", [])
        object.__setattr__(self, "_lock", threading.Lock())

    def __getattr__(self, name):
        with self._lock:
            self._log.append(("get", name))
        return getattr(self._target, name)

    def __setattr__(self, name, value):
        with self._lock:
            self._log.append(("set", name))
        setattr(self._target, name, value)

    def __delattr__(self, name):
        self._log.append(("del", name))
        delattr(self._target, name)

class Config:
    def __init__(self):
        self.retries = 3
        self.timeout = 1.5
        self.mode = "fast"

    def summary(self):
        return f"retries={self.retries} timeout={self.timeout} mode={self.mode}"

cfg = Config()
proxy = Recorder(cfg)

def tweak(i):
    if i % 2:
        proxy.retries = proxy.retries + 1
    else:
        _ = proxy.timeout

threads = [threading.Thread(target=tweak, args=(i,)) for i in range(6)]
for t in threads:
    t.start()
    t.join()
proxy.mode = "safe"
del proxy.timeout
print(cfg.retries, hasattr(cfg, "timeout"), cfg.mode)
print(sorted(set(proxy._log)), len(proxy._log))
try:
    proxy.summary()
except AttributeError as e:
    print("AttributeError:", e)
print(proxy.__class__.__name__, type(proxy).__doc__.split(",")[0])

class Frozen:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        object.__setattr__(self, "x", x)
        object.__setattr__(self, "y", y)

    def __setattr__(self, name, value):
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __repr__(self):
        return f"Frozen({self.x}, {self.y})"

f = Frozen(1, 2)
try:
    f.x = 5
except AttributeError as e:
    print(e, f)
