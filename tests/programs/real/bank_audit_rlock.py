import threading
from concurrent.futures import ThreadPoolExecutor, wait, ALL_COMPLETED
import random


class InsufficientFunds(Exception):
    pass


class Account:
    _ids = 0

    def __init__(self, owner, balance=0):
        Account._ids += 1
        self.id = Account._ids
        self.owner = owner
        self.balance = balance
        self.lock = threading.RLock()
        self.history = []

    def deposit(self, amount):
        with self.lock:
            self.balance += amount
            self.history.append(("deposit", amount))

    def withdraw(self, amount):
        with self.lock:
            if amount > self.balance:
                raise InsufficientFunds(f"{self.owner} has {self.balance}, needs {amount}")
            self.balance -= amount
            self.history.append(("withdraw", amount))

    def __repr__(self):
        return f"Account({self.owner!r}, balance={self.balance})"


class Bank:
    def __init__(self, accounts):
        self.accounts = {a.owner: a for a in accounts}
        self.failed = []
        self._lock = threading.Lock()

    def transfer(self, src, dst, amount):
        a, b = self.accounts[src], self.accounts[dst]
        first, second = sorted((a, b), key=lambda acc: acc.id)
        with first.lock, second.lock:
            try:
                a.withdraw(amount)
            except InsufficientFunds as exc:
                with self._lock:
                    self.failed.append(str(exc))
                return False
            b.deposit(amount)
            return True

    def total(self):
        return sum(a.balance for a in self.accounts.values())


random.seed(2024)
bank = Bank([Account("ana", 100), Account("ben", 50), Account("cho", 0)])
names = list(bank.accounts)
transfers = []
for _ in range(30):
    src, dst = random.sample(names, 2)
    transfers.append((src, dst, random.randint(5, 60)))

with ThreadPoolExecutor(max_workers=4) as pool:
    futures = [pool.submit(bank.transfer, *t) for t in transfers]
    done, not_done = wait(futures, return_when=ALL_COMPLETED)

ok = sum(f.result() for f in futures)
print(f"{ok + len(bank.failed)} transfers processed, {len(not_done)} pending")
print("total money:", bank.total())
print("money conserved:", bank.total() == 150)
print("all histories non-empty:", all(a.history for a in bank.accounts.values()))
