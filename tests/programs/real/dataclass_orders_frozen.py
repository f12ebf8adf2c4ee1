import threading
from dataclasses import dataclass, field, replace, astuple, fields
from typing import Optional

@dataclass(frozen=True, order=True)
class Money:
    cents: int
    currency: str = "EUR"

    def __add__(self, other):
        if self.currency != other.currency:
            raise ValueError("currency mismatch")
        return Money(self.cents + other.cents, self.currency)

    def __str__(self):
        return f"{self.cents / 100:,.2f} {self.currency}"

@dataclass
class LineItem:
    sku: str
    price: Money
    qty: int = 1
    discount: float = field(default=0.0, repr=False)
    total: Money = field(init=False)

    def __post_init__(self):
        discount = self.discount
        if self.qty <= 0:
            raise ValueError(f"bad quantity {self.qty} for {self.sku}")
        self.total = Money(round(self.price.cents * self.qty * (1 - discount)), self.price.currency)

@dataclass
class Order:
    number: int
    items: list = field(default_factory=list)
    note: Optional[str] = None
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def add(self, item):
        with self._lock:
            self.items.append(item)

    @property
    def total(self):
        return sum((i.total for i in self.items), Money(0))

order = Order(1001)
catalog = [("pen", 150, 4, 0.0), ("book", 1299, 1, 0.1), ("bag", 2500, 2, 0.25), ("ink", 99, 10, 0.0)]
threads = [threading.Thread(target=lambda c=c: order.add(LineItem(c[0], Money(c[1]), c[2], c[3])))
           for c in catalog]
for t in threads:
    t.start()
for t in threads:
    t.join()

for item in sorted(order.items, key=lambda i: i.total, reverse=True):
    print(f"{item.sku:<6}{item.qty:>3} x {str(item.price):>10} = {str(item.total):>10}")
print("total:", order.total)
print(order.items[0] if order.items[0].sku == "pen" else sorted(order.items, key=lambda i: i.sku)[-1])
print(Order(7, note="gift"))
m = Money(500)
print(m, repr(m), m < Money(600), sorted([Money(3), Money(1), Money(2)])[0], astuple(m))
print(replace(m, cents=42), m == Money(500), hash(m) == hash(Money(500)))
print([f.name for f in fields(LineItem)], [f.name for f in fields(Order) if f.compare])
try:
    m.cents = 1
except Exception as e:
    print(type(e).__name__, e)
try:
    LineItem("x", Money(1), 0)
except ValueError as e:
    print("ValueError:", e)
try:
    Money(1) + Money(1, "USD")
except ValueError as e:
    print("ValueError:", e)
