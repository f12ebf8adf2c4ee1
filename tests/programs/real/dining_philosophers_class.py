import random
import threading
import time


class Philosopher(threading.Thread):
    running = True

    def __init__(self, name, left_fork, right_fork):
        threading.Thread.__init__(self)
        self.name = name
        self.left_fork = left_fork
        self.right_fork = right_fork

    def run(self):
        for _ in range(2):
            time.sleep(random.uniform(0.01, 0.05))
            print(f"{self.name} is hungry.")
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
        print(f"{self.name} starts eating")
        time.sleep(random.uniform(0.01, 0.05))
        print(f"{self.name} finishes eating and leaves to think.")
        fork2.release()
        fork1.release()


def main():
    forks = [threading.Lock() for _ in range(5)]
    names = ["Aristotle", "Kant", "Spinoza", "Marx", "Russell"]
    philosophers = [Philosopher(names[i], forks[i % 5], forks[(i + 1) % 5]) for i in range(5)]
    for p in philosophers:
        p.start()
    for p in philosophers:
        p.join()
    print("Now we're finishing.")


if __name__ == "__main__":
    main()
