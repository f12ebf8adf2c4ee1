import threading
from collections import OrderedDict


class LRUCache:
    def __init__(self, capacity):
        self.capacity = capacity
        self._data = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key, compute):
        with self._lock:
            if key in self._data:
                self._data.move_to_end(key)
                self.hits += 1
                return self._data[key]
            self.misses += 1
        value = compute(key)
        with self._lock:
            self._data[key] = value
            self._data.move_to_end(key)
            while len(self._data) > self.capacity:
                old, _ = self._data.popitem(last=False)
        return value

    def __contains__(self, key):
        with self._lock:
            return key in self._data

    def __len__(self):
        return len(self._data)

    def __repr__(self):
        return f"LRUCache({list(self._data)}, hits={self.hits}, misses={self.misses})"


cache = LRUCache(3)


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def client(keys):
    for k in keys:
        cache.get(k, fib)


t = threading.Thread(target=client, args=([10, 11, 10, 12, 13, 10],))
t.start()
t.join()
print(cache)
print(len(cache), 10 in cache, 11 in cache)
print([cache.get(k, fib) for k in (12, 13, 15)])
print(cache)
