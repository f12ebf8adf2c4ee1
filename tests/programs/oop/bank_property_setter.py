import threading
import time


class Account:
    interest_rate = 0.02
    _next_id = 1

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.__balance = balance
        self._lock = threading.RLock()
        self.id = Account._next_id
        Account._next_id += 1

    @property
    def balance(self):
        with self._lock:
            return self.__balance

    @balance.setter
    def balance(self, value):
        if value < 0:
            raise ValueError("balance cannot be negative")
        with self._lock:
            self.__balance = value

    @classmethod
    def from_string(cls, text):
        owner, amount = text.split(":")
        return cls(owner, int(amount))

    @staticmethod
    def validate(amount):
        return isinstance(amount, int) and amount > 0

    def deposit(self, amount):
        if not Account.validate(amount):
            raise ValueError(f"invalid amount: {amount!r}")
        with self._lock:
            self.balance = self.balance + amount

    def __str__(self):
        return f"#{self.id} {self.owner}: {self.balance}"


acct = Account.from_string("carol:100")
savings = Account("dave")
savings.interest_rate = 0.05


def depositor():
    for _ in range(50):
        acct.deposit(2)
        time.sleep(0)


workers = [threading.Thread(target=depositor) for _ in range(3)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print(acct)
print(savings)
print(Account.interest_rate, acct.interest_rate, savings.interest_rate)
try:
    acct.balance = -5
except ValueError as e:
    print("ValueError:", e)
try:
    acct.deposit("ten")
except ValueError as e:
    print("ValueError:", e)
try:
    print(acct.__balance)
except AttributeError as e:
    print("AttributeError:", e)
print(acct._Account__balance)
print(Account.validate(3), Account.validate(-1))
