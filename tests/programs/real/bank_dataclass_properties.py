"""A thread-safe bank built with dataclasses and properties."""
from __future__ import annotations

import threading
from dataclasses import dataclass, field, asdict
from typing import List

class InsufficientFunds(Exception):
    def __init__(self, account: str, needed: int, available: int) -> None:
        super().__init__(f"{account}: needed {needed}, only {available} available")
        self.account = account
        self.needed = needed
        self.available = available

@dataclass
class Transaction:
    kind: str
    amount: int
    by: str = "system"

@dataclass
class Account:
    owner: str
    _balance: int = 0
    history: List[Transaction] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)
    @property
    def balance(self) -> int:
        with self._lock:
            return self._balance
    def deposit(self, amount: int, by: str = "system") -> None:
        if amount <= 0:
            raise ValueError("deposit must be positive")
        with self._lock:
            self._balance += amount
            self.history.append(Transaction("deposit", amount, by))
    def withdraw(self, amount: int, by: str = "system") -> None:
        with self._lock:
            if amount > self._balance:
                raise InsufficientFunds(self.owner, amount, self._balance)
            self._balance -= amount
            self.history.append(Transaction("withdraw", amount, by))

def customer(account: Account, name: str, plan: list[tuple[str, int]], errors: list) -> None:
    for kind, amount in plan:
        try:
            if kind == "d":
                account.deposit(amount, by=name)
            else:
                account.withdraw(amount, by=name)
        except InsufficientFunds as exc:
            errors.append(str(exc))

acct = Account("alice", 100)
errors: list[str] = []
plans = {
    "t1": [("d", 50), ("w", 30), ("d", 20)],
    "t2": [("w", 10), ("w", 5), ("d", 100)],
    "t3": [("d", 1), ("d", 2), ("d", 3)],
}
threads = [threading.Thread(target=customer, args=(acct, n, p, errors), name=n)
           for n, p in plans.items()]
for t in threads:
    t.start()
for t in threads:
    t.join()

print(f"final balance: {acct.balance}")
print(f"transactions: {len(acct.history)}")
deposits = sum(t.amount for t in acct.history if t.kind == "deposit")
withdrawals = sum(t.amount for t in acct.history if t.kind == "withdraw")
print(f"deposits={deposits} withdrawals={withdrawals} net={deposits - withdrawals:+d}")
print(repr(Transaction("deposit", 5)))
print(asdict(Transaction("withdraw", 7, "t9")))
print(Transaction("a", 1) == Transaction("a", 1), Transaction("a", 1) == Transaction("a", 2))
try:
    acct.withdraw(10_000)
except InsufficientFunds as e:
    print("error:", e, e.needed - e.available)
print(f"errors during run: {errors}")
