import random
import threading

random.seed(2024)
rolls = {}
lock = threading.Lock()


def roll_dice(player):
    total = 0
    for _ in range(3):
        total += random.randint(1, 6)
    with lock:
        rolls[player] = total
    print(f"{player} rolled {total}")


players = ["Ann", "Bob", "Cid"]
threads = [threading.Thread(target=roll_dice, args=(p,)) for p in players]
for t in threads:
    t.start()
for t in threads:
    t.join()

winner = max(rolls, key=rolls.get)
print("Winner:", winner, "with", rolls[winner])
