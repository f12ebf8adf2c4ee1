import random
import threading

random.seed(42)
lock = threading.Lock()
deck = [f"{r}{s}" for s in "SHDC" for r in ["A", "K", "Q", "J", "10"]]
random.shuffle(deck)
hands = {}


def deal(player, cards):
    with lock:
        hands[player] = sorted(cards)


players = ["alice", "bob", "carol"]
threads = []
for i, p in enumerate(players):
    t = threading.Thread(target=deal, args=(p, deck[i * 5:(i + 1) * 5]))
    threads.append(t)
    t.start()
for t in threads:
    t.join()
for p in players:
    print(p.title(), " ".join(hands[p]))
print(random.randint(1, 100), round(random.uniform(0, 1), 3), random.choice(players))
print(random.sample(range(20), 4))
print(random.random() < 1)
