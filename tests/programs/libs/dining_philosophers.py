import threading
import random
import time

random.seed(7)


class Philosopher(threading.Thread):
    running = True

    def __init__(self, name, left_fork, right_fork, meals):
        threading.Thread.__init__(self)
        self.name = name
        self.left_fork = left_fork
        self.right_fork = right_fork
        self.meals = meals
        self.eaten = 0

    def run(self):
        while self.eaten < self.meals:
            time.sleep(random.uniform(0.01, 0.03))
            self.dine()

    def dine(self):
        fork1, fork2 = self.left_fork, self.right_fork
        while self.running:
            fork1.acquire(True)
            locked = fork2.acquire(False)
            if locked:
                break
            fork1.release()
            fork1, fork2 = fork2, fork1
        else:
            return
        self.eaten += 1
        fork2.release()
        fork1.release()


forks = [threading.Lock() for n in range(5)]
names = ("Aristotle", "Kant", "Spinoza", "Marx", "Russell")
philosophers = [Philosopher(names[i], forks[i % 5], forks[(i + 1) % 5], 3) for i in range(5)]
for p in philosophers:
    p.start()
for p in philosophers:
    p.join()
print("Now we're finishing.")
print({p.name: p.eaten for p in philosophers})
