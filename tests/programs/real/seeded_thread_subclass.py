import random
import threading

random.seed(1)


class Picker(threading.Thread):
    def __init__(self, name, how_many):
        super().__init__(name=name)
        self.how_many = how_many
        self.picked = []

    def run(self):
        for _ in range(self.how_many):
            self.picked.append(random.randint(1, 9))
        print(f"{self.name} picked {self.picked}")


pickers = [Picker(f"picker-{i}", 3) for i in range(3)]
for p in pickers:
    p.start()
    p.join()

best = max(pickers, key=lambda p: sum(p.picked))
print("best picker:", best.name, "with", sum(best.picked))
