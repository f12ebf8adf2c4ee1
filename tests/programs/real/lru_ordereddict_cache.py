import threading
from collections import OrderedDict, namedtuple

Entry = namedtuple("Entry", ["key", "value", "hits"])


class LRUCache:
    def __init__(self, capacity):
        self.capacity = capacity
        self.data = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            if key not in self.data:
                return None
            self.data.move_to_end(key)
            e = self.data[key]
            self.data[key] = e._replace(hits=e.hits + 1)
            return e.value

    def put(self, key, value):
        with self.lock:
            self.data[key] = Entry(key, value, 0)
            self.data.move_to_end(key)
            if len(self.data) > self.capacity:
                self.data.popitem(last=False)


cache = LRUCache(3)
for k in "abcd":
    cache.put(k, k.upper())


def reader(keys):
    for k in keys:
        cache.get(k)


threads = [threading.Thread(target=reader, args=(ks,)) for ks in ("bc", "cd", "d")]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(list(cache.data))
print(cache.data["d"], cache.data["d"]._asdict())
print(cache.get("a"), Entry._fields)
