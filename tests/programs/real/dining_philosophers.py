import threading
import time

N = 5
MEALS = 3
forks = [threading.Lock() for _ in range(N)]
meals_eaten = [0] * N


def philosopher(i):
    left, right = i, (i + 1) % N
    # pick up the lower-numbered fork first so that no cycle can form
    first, second = min(left, right), max(left, right)
    for _ in range(MEALS):
        time.sleep(0.01)  # think
        with forks[first]:
            with forks[second]:
                meals_eaten[i] += 1
                time.sleep(0.01)  # eat


philosophers = [threading.Thread(target=philosopher, args=(i,)) for i in range(N)]
for p in philosophers:
    p.start()
for p in philosophers:
    p.join()

print("meals eaten:", meals_eaten)
print("everyone ate:", all(m == MEALS for m in meals_eaten))
