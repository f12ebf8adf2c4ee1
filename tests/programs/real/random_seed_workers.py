import random
import threading

random.seed(42)
lock = threading.Lock()
draws = {}


def roll(name, rng):
    values = [rng.randint(1, 6) for _ in range(4)]
    with lock:
        draws[name] = values


threads = []
for i in range(3):
    rng = random.Random(i)
    t = threading.Thread(target=roll, args=(f"player{i}", rng))
    threads.append(t)
    t.start()
for t in threads:
    t.join()
for name in sorted(draws):
    print(name, draws[name], sum(draws[name]))
print(random.choice(["rock", "paper", "scissors"]), random.sample(range(100), 3))
print(round(random.uniform(1, 2), 4), random.random() < 1, random.choices("abc", k=4))
deck = list(range(10))
random.shuffle(deck)
print(deck)
