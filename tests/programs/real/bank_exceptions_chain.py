import threading
import traceback


class BankError(Exception):
    def __init__(self, account, message):
        super().__init__(message)
        self.account = account


class InsufficientFunds(BankError):
    pass


class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance
        self._lock = threading.RLock()

    @property
    def balance(self):
        return self._balance

    def withdraw(self, amount):
        with self._lock:
            if amount > self._balance:
                raise InsufficientFunds(self, f"{self.owner} has {self._balance}, needs {amount}")
            self._balance -= amount

    def deposit(self, amount):
        with self._lock:
            if amount <= 0:
                raise ValueError("deposit must be positive")
            self._balance += amount

    def transfer(self, other, amount):
        with self._lock:
            try:
                self.withdraw(amount)
            except InsufficientFunds as e:
                raise RuntimeError(f"transfer to {other.owner} failed") from e
            other.deposit(amount)


errors = []
errors_lock = threading.Lock()


def job(src, dst, amount):
    try:
        src.transfer(dst, amount)
    except RuntimeError as e:
        with errors_lock:
            errors.append(e)


alice, bob = Account("alice", 100), Account("bob", 50)
jobs = [(alice, bob, 30), (bob, alice, 200), (alice, bob, 80), (bob, alice, 10)]
for args in jobs:
    t = threading.Thread(target=job, args=args)
    t.start()
    t.join()

print(f"alice={alice.balance} bob={bob.balance}")
for e in errors:
    cause = e.__cause__
    print(f"{e} <- {type(cause).__name__}: {cause} (account {cause.account.owner})")
    print(isinstance(cause, BankError), e.__suppress_context__, e.args)
try:
    bob.deposit(-5)
except ValueError:
    print(traceback.format_exc().strip().splitlines()[-1])
try:
    try:
        alice.withdraw(10**6)
    except InsufficientFunds:
        raise KeyError("lookup")
except KeyError as e:
    print(repr(e.__context__.args[0]), str(e), e.__cause__)
