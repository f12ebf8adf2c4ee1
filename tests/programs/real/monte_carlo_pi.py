import random
import threading


class DartThrower(threading.Thread):
    def __init__(self, throws):
        super().__init__()
        self.throws = throws
        self.hits = 0

    def run(self):
        for _ in range(self.throws):
            x, y = random.random(), random.random()
            if x * x + y * y <= 1.0:
                self.hits += 1


if __name__ == "__main__":
    throwers = [DartThrower(20000) for _ in range(4)]
    for t in throwers:
        t.start()
    for t in throwers:
        t.join()
    hits = sum(t.hits for t in throwers)
    throws = sum(t.throws for t in throwers)
    print(f"{throws} darts, {hits} hits")
    print(f"pi is about {4 * hits / throws:.3f}")
