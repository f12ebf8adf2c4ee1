import logging
import random
import threading

logging.basicConfig(format="%(threadName)s: %(message)s", level=logging.INFO)


class Bank:
    def __init__(self, cash):
        self.cash = cash
        self.lock = threading.Lock()
        self.refused = 0

    def withdraw(self, amount):
        with self.lock:
            if amount > self.cash:
                self.refused += 1
                return False
            self.cash -= amount
            return True

    def deposit(self, amount):
        with self.lock:
            self.cash += amount


class Customer(threading.Thread):
    def __init__(self, bank, moves):
        super().__init__()
        self.bank = bank
        self.moves = moves

    def run(self):
        for kind, amount in self.moves:
            if kind == "in":
                self.bank.deposit(amount)
            elif not self.bank.withdraw(amount):
                logging.info("could not withdraw %d", amount)


if __name__ == "__main__":
    random.seed(31)
    bank = Bank(100)
    plans = [[(random.choice(["in", "out"]), random.randrange(10, 60, 10)) for _ in range(5)]
             for _ in range(4)]
    customers = [Customer(bank, plan) for plan in plans]
    for c in customers:
        c.start()
    for c in customers:
        c.join()
    print("cash in the bank:", bank.cash)
    print("refused withdrawals:", bank.refused)
