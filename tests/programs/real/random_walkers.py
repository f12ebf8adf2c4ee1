import logging
import random
import threading

logging.basicConfig(level=logging.INFO, format="%(threadName)s %(message)s")
random.seed(2023)


class Walker(threading.Thread):
    def __init__(self, name, steps):
        super().__init__(name=name)
        self.steps = steps
        self.position = 0

    def run(self):
        for _ in range(self.steps):
            self.position += random.choice([-1, 1])
        logging.info("ended at %d", self.position)


walkers = [Walker(f"walker-{i}", 50) for i in range(3)]
for w in walkers:
    w.start()
for w in walkers:
    w.join()
farthest = max(walkers, key=lambda w: abs(w.position))
print("positions:", [w.position for w in walkers])
print("farthest:", farthest.name)
