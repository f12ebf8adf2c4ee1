import random
import threading

results = {}
lock = threading.Lock()


def simulate(player_id):
    rng = random.Random(player_id * 1000)
    rolls = [rng.randint(1, 6) for _ in range(5)]
    bonus = rng.random()
    pick = rng.choice(["sword", "shield", "bow"])
    with lock:
        results[player_id] = (rolls, round(bonus, 3), pick)


threads = [threading.Thread(target=simulate, args=(p,)) for p in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()

for pid in sorted(results):
    rolls, bonus, pick = results[pid]
    print(f"player {pid}: rolls={rolls} total={sum(rolls)} bonus={bonus} item={pick}")
winner = max(results, key=lambda p: sum(results[p][0]))
print("winner:", winner)
