import threading
import time

class SafeList:
    """A list guarded by a lock, usable like a normal list."""

    def __init__(self, items=None):
        self._items = list(items or [])
        self._lock = threading.Lock()

    def append(self, item):
        with self._lock:
            time.sleep(0.001)
            self._items.append(item)

    def __len__(self):
        with self._lock:
            return len(self._items)

    def __getitem__(self, index):
        with self._lock:
            return self._items[index]

    def __contains__(self, item):
        with self._lock:
            return item in self._items

    def __iter__(self):
        with self._lock:
            snapshot = list(self._items)
        return iter(snapshot)

    def __repr__(self):
        with self._lock:
            return f"SafeList({self._items!r})"

    def __bool__(self):
        return len(self) > 0

    def __eq__(self, other):
        if not isinstance(other, SafeList):
            return NotImplemented
        return list(self) == list(other)

    def __add__(self, other):
        return SafeList(list(self) + list(other))

shared = SafeList()

def producer(start):
    for i in range(start, start + 5):
        shared.append(i)

threads = [threading.Thread(target=producer, args=(n * 10,)) for n in range(3)]
for t in threads:
    t.start()
while any(t.is_alive() for t in threads):
    size = len(shared)
    if size >= 15:
        break
    time.sleep(0.002)
for t in threads:
    t.join()

print(len(shared), bool(shared), bool(SafeList()))
print(sorted(shared))
print(0 in shared, 99 in shared, shared[0] in (0, 10, 20), sorted(shared)[-1])
combined = shared + SafeList([100])
print(len(combined), combined[-1], type(combined).__name__)
print(SafeList([1, 2]) == SafeList([1, 2]), SafeList([1]) == [1], SafeList([1]) != SafeList([2]))
print(SafeList(["a", "b"]))
print(sum(x for x in shared if x % 2 == 0), max(shared), min(shared))
