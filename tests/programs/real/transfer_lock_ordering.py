import threading
import random

random.seed(42)


class Account:
    def __init__(self, number, balance):
        self.number = number
        self.balance = balance
        self.lock = threading.Lock()

    def __repr__(self):
        return f"Account({self.number}, {self.balance})"


def transfer(src, dst, amount):
    # Always lock the lower-numbered account first: no deadlock.
    first, second = sorted([src, dst], key=lambda a: a.number)
    with first.lock:
        with second.lock:
            if src.balance >= amount:
                src.balance -= amount
                dst.balance += amount
                return True
    return False


accounts = [Account(i, 100) for i in range(4)]
plans = [(random.randrange(4), random.randrange(4), random.randint(1, 50)) for _ in range(40)]


def teller(jobs):
    for s, d, amount in jobs:
        if s != d:
            transfer(accounts[s], accounts[d], amount)


tellers = [threading.Thread(target=teller, args=(plans[i::4],)) for i in range(4)]
for t in tellers:
    t.start()
for t in tellers:
    t.join()
print("total money:", sum(a.balance for a in accounts))
print(all(a.balance >= 0 for a in accounts))
