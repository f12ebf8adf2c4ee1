import sys
import threading

class AtomicCounter:
    def __init__(self, value=0):
        self._value = value
        self._lock = threading.Lock()

    def __iadd__(self, other):
        with self._lock:
            self._value += other
        return self

    def __isub__(self, other):
        with self._lock:
            self._value -= other
        return self

    def __int__(self):
        return self._value

    def __eq__(self, other):
        return int(self) == int(other)

    def __hash__(self):
        return hash(self._value)

    def __lt__(self, other):
        return int(self) < int(other)

    def __repr__(self):
        return f"AtomicCounter({self._value})"

hits = AtomicCounter()
misses = AtomicCounter(100)

def visit(n):
    global hits, misses
    for i in range(n):
        if i % 3:
            hits += 1
        else:
            misses -= 1

threads = [threading.Thread(target=visit, args=(30,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()

print(hits, misses, int(hits) + int(misses), hits == 80, sorted([misses, hits]))
print(len({AtomicCounter(1), AtomicCounter(1), AtomicCounter(2)}), AtomicCounter(5) == 5.0)
sys.stdout.write(f"progress: {int(hits) * 100 // 120}%\n")
for step in range(0, 101, 50):
    print(f"\rloading {step:3d}%", end="", flush=True)
print()
print("warning: done", file=sys.stderr)
print("total", int(hits), sep=": ", end=" <-\n")
