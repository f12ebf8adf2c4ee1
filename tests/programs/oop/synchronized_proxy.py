import threading


class Synchronized:
    """Wrap any object so that every method call holds one lock (a proxy via __getattr__)."""

    def __init__(self, obj):
        self._obj = obj
        self._lock = threading.RLock()
        self.calls = 0

    def __getattr__(self, name):
        attr = getattr(self._obj, name)
        if not callable(attr):
            return attr

        def locked(*args, **kwargs):
            with self._lock:
                self.calls += 1
                return attr(*args, **kwargs)
        return locked

    def __repr__(self):
        return f"Synchronized({self._obj!r})"


class Inventory:
    def __init__(self):
        self.stock = {}
        self.version = 0

    def add(self, item, n=1):
        self.stock[item] = self.stock.get(item, 0) + n
        self.version += 1

    def total(self):
        return sum(self.stock.values())

    def __repr__(self):
        return f"Inventory(v{self.version})"


inv = Synchronized(Inventory())


def restock(item, times):
    for _ in range(times):
        inv.add(item)


threads = [threading.Thread(target=restock, args=(name, 100)) for name in ("nut", "bolt")]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(inv.total(), inv.version, inv.calls)
print(sorted(inv.stock.items()))
print(inv)
try:
    inv.remove("nut")
except AttributeError as e:
    print("AttributeError:", e)
