import threading
import time


class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance
        self._lock = threading.Lock()

    @property
    def balance(self):
        with self._lock:
            return self._balance

    def deposit(self, amount, delay=0.0):
        with self._lock:
            current = self._balance
            time.sleep(delay)  # simulate slow I/O while holding the lock
            self._balance = current + amount

    def __str__(self):
        return f"{self.owner:<6}{self.balance:>8.2f}"


class Ledger:
    """Iterates over a snapshot of entries, one at a time, under a lock."""

    def __init__(self):
        self._entries = []
        self._lock = threading.Lock()
        self._pos = 0

    def add(self, entry):
        with self._lock:
            self._entries.append(entry)

    def __iter__(self):
        self._pos = 0
        return self

    def __next__(self):
        with self._lock:
            if self._pos >= len(self._entries):
                raise StopIteration
            entry = self._entries[self._pos]
            self._pos += 1
            return entry


accounts = [Account("ann", 120), Account("bob", 80.5), Account("cyd", 300)]
ledger = Ledger()


def payroll(account, amount):
    account.deposit(amount, delay=0.02)
    ledger.add((account.owner, amount))


workers = [threading.Thread(target=payroll, args=(a, 10 * (i + 1)), name=f"pay-{a.owner}")
           for i, a in enumerate(accounts)]
for w in workers:
    w.start()

time.sleep(0.005)
# The report reads balances while payroll threads still hold the locks.
ranked = sorted(accounts, key=lambda a: a.balance, reverse=True)
richest = max(accounts, key=lambda a: a.balance)
for w in workers:
    w.join()

print("ranking:", [a.owner for a in ranked])
print("richest:", richest.owner)
for account in sorted(accounts, key=lambda a: a.owner):
    print(account)
entries = list(ledger)
print(len(entries), sorted(entries))
print("total paid:", sum(amount for _, amount in ledger))
print(f"{'owner':<6}{'balance':>8}")
print("\n".join(str(a) for a in accounts))
