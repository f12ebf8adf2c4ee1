import threading
from dataclasses import dataclass, field


@dataclass(slots=True)
class Counter:
    name: str
    value: int = 0
    seen: list = field(default_factory=list)


@dataclass(slots=True, frozen=True)
class Key:
    shard: int


@dataclass(slots=True)
class Labelled(Counter):
    label: str = "-"


counter = Counter("hits")
lock = threading.Lock()


def bump(worker):
    for _ in range(3):
        with lock:
            counter.value += 1
            counter.seen.append(worker)


threads = [threading.Thread(target=bump, args=(i,)) for i in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter, Counter.__slots__, Labelled.__slots__)
print(Key(1), Key(1) == Key(1), hash(Key(2)) == hash(Key(2)), Labelled("x", label="y"))
try:
    counter.total = 6
except AttributeError as e:
    print("AttributeError:", e)
