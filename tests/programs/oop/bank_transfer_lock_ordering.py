"""Course exercise: transfers between accounts without deadlock (locks taken in id order)."""
import threading
import random


class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        super().__init__("%s cannot pay %d (balance %d)" % (account.owner, amount,
                                                              account.balance))


class Account(object):
    _ids = 0
    _ids_lock = threading.Lock()

    def __init__(self, owner, balance):
        with Account._ids_lock:
            Account._ids += 1
            self.number = Account._ids
        self.owner = owner
        self.balance = balance
        self.lock = threading.Lock()

    def __repr__(self):
        return "%s(#%d, %s, %d)" % (self.__class__.__name__, self.number, self.owner,
                                     self.balance)


class Bank(object):
    def __init__(self, accounts):
        self.accounts = accounts
        self.failed = 0
        self.failed_lock = threading.Lock()

    def transfer(self, src, dst, amount):
        first, second = (src, dst) if src.number < dst.number else (dst, src)
        with first.lock:
            with second.lock:
                if src.balance < amount:
                    raise InsufficientFunds(src, amount)
                src.balance -= amount
                dst.balance += amount

    def total(self):
        return sum(a.balance for a in self.accounts)


def teller(bank, rng, n):
    for _ in range(n):
        src, dst = rng.sample(bank.accounts, 2)
        try:
            bank.transfer(src, dst, rng.randint(1, 50))
        except InsufficientFunds:
            with bank.failed_lock:
                bank.failed += 1


bank = Bank([Account(name, 100) for name in ("ann", "bob", "cy", "dee")])
tellers = [threading.Thread(target=teller, args=(bank, random.Random(seed), 200))
           for seed in range(3)]
for t in tellers:
    t.start()
for t in tellers:
    t.join()
print("total money:", bank.total())
print("all accounts non-negative:", all(a.balance >= 0 for a in bank.accounts))
print(bank.accounts[0].__class__.__name__, [a.number for a in bank.accounts])
try:
    bank.transfer(bank.accounts[0], bank.accounts[1], 10 ** 6)
except InsufficientFunds as e:
    print("refused:", str(e).split(" (")[0])
