import threading
from decimal import Decimal, ROUND_HALF_UP, InvalidOperation


class Account:
    def __init__(self, balance):
        self.balance = Decimal(balance)
        self.lock = threading.Lock()

    def deposit(self, amount):
        with self.lock:
            self.balance += Decimal(amount)


acct = Account("100.00")
ts = [threading.Thread(target=acct.deposit, args=(a,)) for a in ("0.10", "0.20", "19.99")]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(acct.balance, repr(acct.balance), f"{acct.balance:,.2f}", f"${acct.balance:>10}")
print(Decimal("0.1") + Decimal("0.2") == Decimal("0.3"), 0.1 + 0.2 == 0.3)
print(Decimal("2.675").quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), round(Decimal("2.675"), 2))
print(Decimal(1) / Decimal(3), Decimal(10) * 3, sum([Decimal("1.1")] * 3), max(Decimal(1), Decimal("1.5")))
try:
    Decimal("abc")
except InvalidOperation:
    print("invalid")
try:
    Decimal(1) / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", type(e).__name__)
try:
    Decimal(1) + 1.5
except TypeError as e:
    print("TypeError:", e)
print(type(acct.balance).__name__, isinstance(acct.balance, Decimal) if False else "")
