from __future__ import annotations

import threading
from dataclasses import dataclass, field
from random import Random


class InsufficientFunds(Exception):
    def __init__(self, account: "Account", amount: int) -> None:
        super().__init__(f"{account.owner} cannot pay {amount} (balance {account.balance})")
        self.account = account
        self.amount = amount


@dataclass(order=True)
class Account:
    owner: str
    balance: int = 0
    history: list[tuple[str, int]] = field(default_factory=list, compare=False, repr=False)
    lock: threading.RLock = field(default_factory=threading.RLock, compare=False, repr=False)

    def deposit(self, amount: int) -> None:
        with self.lock:
            self.balance += amount
            self.history.append(("deposit", amount))

    def withdraw(self, amount: int) -> None:
        with self.lock:
            if amount > self.balance:
                raise InsufficientFunds(self, amount)
            self.balance -= amount
            self.history.append(("withdraw", amount))


def transfer(src: Account, dst: Account, amount: int) -> bool:
    first, second = sorted([src, dst], key=lambda a: a.owner)
    with first.lock, second.lock:
        try:
            src.withdraw(amount)
        except InsufficientFunds as e:
            print("refused:", e)
            return False
        dst.deposit(amount)
        return True


accounts = [Account("carol", 300), Account("alice", 100), Account("bob", 200)]
rng = Random(7)
plans = [(rng.choice(accounts), rng.choice(accounts), rng.randint(10, 150)) for _ in range(8)]
plans = [(a, b, n) for a, b, n in plans if a is not b]
ok = []
ok_lock = threading.Lock()


def run(plan):
    src, dst, amount = plan
    if transfer(src, dst, amount):
        with ok_lock:
            ok.append((src.owner, dst.owner, amount))


threads = [threading.Thread(target=run, args=(p,)) for p in plans]
for t in threads:
    t.start()
    t.join()
print("transfers done:", len(ok), "of", len(plans))
for account in sorted(accounts):
    print(account, len(account.history))
print("total:", sum(a.balance for a in accounts))
print(max(accounts, key=lambda a: a.balance).owner, Account("zed") < Account("zoe"))
