import threading


class Singleton:
    _instance = None
    _lock = threading.Lock()

    def __new__(cls, *args, **kwargs):
        if cls._instance is None:
            with cls._lock:
                if cls._instance is None:
                    cls._instance = super().__new__(cls)
        return cls._instance

    def __init__(self, value=0):
        self.value = value


class Registry(Singleton):
    pass


class Point:
    def __new__(cls, x, y):
        obj = super().__new__(cls)
        obj.made_by_new = True
        return obj

    def __init__(self, x, y):
        self.x, self.y = x, y


class Odd:
    def __new__(cls):
        return 42


a = Singleton(1)
b = Singleton(2)
print(a is b, a.value, b.value)
r = Registry(5)
print(r is a, type(r).__name__, r.value)
p = Point(1, 2)
print(p.x, p.y, p.made_by_new, isinstance(p, Point))
print(Odd())
results = []
ts = [threading.Thread(target=lambda: results.append(Singleton())) for _ in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(all(x is a for x in results))
