import threading
from dataclasses import dataclass, field


@dataclass
class Tally:
    name: str
    count: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def bump(self, n=1):
        with self.lock:
            self.count += n


class Jobs:
    created = 0

    def __init__(self, tally):
        self.tally = tally
        Jobs.created += 1

    @staticmethod
    def square(x, out):
        out.append(x * x)

    def worker(self, times):
        for _ in range(times):
            self.tally.bump()

    @classmethod
    def make_many(cls, tally, n):
        return [cls(tally) for _ in range(n)]


tally = Tally("hits")
jobs = Jobs.make_many(tally, 3)
threads = [threading.Thread(target=j.worker, args=(1000,)) for j in jobs]
out = []
threads.append(threading.Thread(target=Jobs.square, args=(7, out), daemon=True))
for t in threads:
    print(t.name, t.daemon)
    t.start()
for t in threads:
    t.join()
print(tally, out, Jobs.created)
print(tally == Tally("hits", 3000), Tally("a") == Tally("a"))
print(sorted(t.name for t in threading.enumerate()))
print(len([t for t in threads if isinstance(t, threading.Thread)]))
