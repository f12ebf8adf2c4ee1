import threading


class Fork:
    def __init__(self, number):
        self.number = number
        self.lock = threading.Lock()
        self.uses = 0

    def __enter__(self):
        self.lock.acquire()
        self.uses += 1
        return self

    def __exit__(self, *exc):
        self.lock.release()
        return False

    def __repr__(self):
        return f"Fork({self.number})"


class Philosopher(threading.Thread):
    def __init__(self, name, left, right, meals):
        threading.Thread.__init__(self, name=name)
        # always pick up the lower-numbered fork first: no deadlock
        self.first, self.second = sorted([left, right], key=lambda f: f.number)
        self.meals = meals
        self.eaten = 0

    def run(self):
        for _ in range(self.meals):
            with self.first, self.second:
                self.eaten += 1

    def __str__(self):
        return "%s ate %d meals using %r and %r" % (self.name, self.eaten, self.first,
                                                   self.second)


forks = [Fork(i) for i in range(5)]
names = ["Aristotle", "Kant", "Spinoza", "Marx", "Russell"]
table = [Philosopher(names[i], forks[i], forks[(i + 1) % 5], 20) for i in range(5)]
for p in table:
    p.start()
for p in table:
    p.join()
for p in table:
    print(p)
print(sum(f.uses for f in forks), [f.uses for f in forks])
