import threading


class BankError(Exception):
    pass


class InsufficientFundsError(BankError):
    def __init__(self, account, requested):
        self.account = account
        self.requested = requested
        super().__init__(f"{account.owner} cannot withdraw {requested}")

    def shortfall(self):
        return self.requested - self.account.balance


class FrozenAccountError(BankError):
    def __str__(self):
        return "account is frozen: " + str(self.args[0])


class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.frozen = False
        self._lock = threading.Lock()

    def withdraw(self, amount):
        with self._lock:
            if self.frozen:
                raise FrozenAccountError(self.owner)
            if amount > self.balance:
                raise InsufficientFundsError(self, amount)
            self.balance -= amount
            return self.balance

    def __repr__(self):
        return f"Account({self.owner!r}, balance={self.balance})"


def customer(account, amounts, log):
    for amount in amounts:
        try:
            left = account.withdraw(amount)
            log.append(f"{account.owner}: took {amount}, left {left}")
        except InsufficientFundsError as e:
            log.append(f"{e} (short by {e.shortfall()})")
        except BankError as e:
            log.append(f"{type(e).__name__}: {e}")


alice = Account("alice", 100)
bob = Account("bob", 50)
bob.frozen = True
log = []
threads = [threading.Thread(target=customer, args=(alice, [30, 50, 40], log)),
           threading.Thread(target=customer, args=(bob, [10], log))]
for t in threads:
    t.start()
    t.join()
print("\n".join(log))
print(alice, bob)
print(isinstance(InsufficientFundsError(alice, 1), BankError))
