import random
import threading


class Account:
    __slots__ = ("owner", "balance", "lock")

    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance
        self.lock = threading.Lock()


def transfer(src, dst, amount):
    first, second = sorted((src, dst), key=lambda a: a.owner)
    with first.lock, second.lock:
        if src.balance >= amount:
            src.balance -= amount
            dst.balance += amount


accounts = [Account(name, 100) for name in "ABC"]
rng = random.Random(7)
threads = []
for _ in range(6):
    a, b = rng.sample(accounts, 2)
    threads.append(threading.Thread(target=transfer, args=(a, b, rng.randint(10, 60))))
for t in threads:
    t.start()
for t in threads:
    t.join()
print({a.owner: a.balance for a in accounts}, sum(a.balance for a in accounts))
try:
    accounts[0].nickname = "x"
except AttributeError as e:
    print("AttributeError:", e)
