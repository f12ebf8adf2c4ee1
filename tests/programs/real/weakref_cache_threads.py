import threading
import weakref


class Resource:
    def __init__(self, key):
        self.key = key

    def __repr__(self):
        return f"Resource({self.key!r})"


cache = weakref.WeakValueDictionary()
lock = threading.Lock()
keep = []


def get(key):
    with lock:
        res = cache.get(key)
        if res is None:
            res = Resource(key)
            cache[key] = res
        return res


def worker(keys):
    for k in keys:
        keep.append(get(k))


threads = [threading.Thread(target=worker, args=(["a", "b", "a"],)) for _ in range(2)]
for t in threads:
    t.start()
    t.join()
print(len(keep), "lookups,", len(cache), "cached")
print(keep[0] is keep[2], sorted(cache.keys()))
r = Resource("tmp")
weakref.finalize(r, print, "finalized tmp")
del r
print("end")
