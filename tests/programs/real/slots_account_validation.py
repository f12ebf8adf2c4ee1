import threading

class ValidationError(ValueError):
    pass

class Account:
    __slots__ = ("_owner", "_balance", "_lock", "history")
    instances = 0
    interest_rate = 0.02

    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = 0
        self._lock = threading.RLock()
        self.history = []
        self.deposit(balance)
        type(self).instances += 1

    @property
    def owner(self):
        return self._owner

    @owner.setter
    def owner(self, value):
        if not isinstance(value, str) or not value.strip():
            raise ValidationError(f"invalid owner: {value!r}")
        self._owner = value.strip().title()

    @property
    def balance(self):
        return self._balance

    def deposit(self, amount):
        if amount < 0:
            raise ValidationError("negative deposit")
        with self._lock:
            self._balance += amount
            self.history.append(+amount)

    def withdraw(self, amount):
        with self._lock:
            if amount > self._balance:
                return False
            self._balance -= amount
            self.history.append(-amount)
            return True

    def transfer(self, other, amount):
        first, second = sorted([self, other], key=id)
        with first._lock, second._lock:
            if self.withdraw(amount):
                other.deposit(amount)
                return True
            return False

    @classmethod
    def set_rate(cls, rate):
        cls.interest_rate = rate

    fmt = staticmethod(lambda amount: f"${amount:,.2f}")

    def __repr__(self):
        return f"Account({self.owner!r}, {self.balance})"

a, b = Account("  ada lovelace ", 500), Account("alan", 300)
moves = [(a, b, 120), (b, a, 50), (a, b, 1000), (b, a, 75), (a, b, 5)]
threads = [threading.Thread(target=src.transfer, args=(dst, amt)) for src, dst, amt in moves]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(a, b, a.balance + b.balance, Account.instances)
print(sorted(a.history), sum(b.history), Account.fmt(a.balance * (1 + Account.interest_rate)))
Account.set_rate(0.05)
print(a.interest_rate, Account.interest_rate, hasattr(a, "__dict__"))
for bad in (lambda: Account("  "), lambda: a.deposit(-5), lambda: setattr(a, "nickname", "x")):
    try:
        bad()
    except (ValidationError, AttributeError) as e:
        print(type(e).__name__, e)
