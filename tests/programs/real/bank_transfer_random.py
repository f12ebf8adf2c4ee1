import random
import threading

random.seed(7)


class BankAccount:
    def __init__(self, name, balance):
        self.name = name
        self.balance = balance
        self.lock = threading.Lock()


def transfer(src, dst, amount):
    # always lock in the same order to avoid deadlock
    first, second = sorted([src, dst], key=lambda a: a.name)
    with first.lock:
        with second.lock:
            if src.balance >= amount:
                src.balance -= amount
                dst.balance += amount


def main():
    a = BankAccount("A", 500)
    b = BankAccount("B", 500)
    plans = [(random.choice([(a, b), (b, a)]), random.randint(1, 100)) for _ in range(20)]
    print("first transfers:", [(s.name + "->" + d.name, amt) for (s, d), amt in plans[:3]])
    threads = []
    for (src, dst), amount in plans:
        t = threading.Thread(target=transfer, args=(src, dst, amount))
        threads.append(t)
        t.start()
    for t in threads:
        t.join()
    print("A =", a.balance, "B =", b.balance)
    print("total =", a.balance + b.balance)


if __name__ == "__main__":
    main()
