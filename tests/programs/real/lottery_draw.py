import random
import threading

random.seed(123)
tickets = {}
lock = threading.Lock()


def buy_ticket(player):
    numbers = sorted(random.sample(range(1, 50), 6))
    with lock:
        tickets[player] = numbers


players = ["ada", "alan", "grace", "linus"]
threads = [threading.Thread(target=buy_ticket, args=(p,)) for p in players]
for t in threads:
    t.start()
for t in threads:
    t.join()

draw = set(random.sample(range(1, 50), 6))
print("draw:", sorted(draw))
for player in players:
    matches = len(draw.intersection(tickets[player]))
    print(f"{player:6} {tickets[player]} matches {matches}")
