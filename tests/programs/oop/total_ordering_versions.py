import functools
import threading


@functools.total_ordering
class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split("."))

    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __hash__(self):
        return hash(self.parts)

    def __repr__(self):
        return "Version('%s')" % ".".join(map(str, self.parts))


found = set()
lock = threading.Lock()


def scan(texts):
    for t in texts:
        v = Version(t)
        with lock:
            found.add(v)


batches = [["1.2.0", "1.10.1", "0.9"], ["1.2.0", "2.0", "0.9"], ["1.10.1", "1.9.9"]]
threads = [threading.Thread(target=scan, args=(b,)) for b in batches]
for t in threads:
    t.start()
for t in threads:
    t.join()
ordered = sorted(found)
print(ordered)
print(max(found), min(found))
a, b = Version("1.2.0"), Version("1.10.1")
print(a < b, a <= b, a > b, a >= b, a == Version("1.2.0"), a != b)
print(Version("3.0") in found, Version("2.0") in found)
print(a == "1.2.0")
