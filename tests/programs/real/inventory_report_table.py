import threading
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, ROUND_HALF_UP
from enum import Enum

class Category(Enum):
    TOOLS = "Tools"
    TOYS = "Toys"
    FOOD = "Food"

@dataclass(order=True)
class Item:
    sort_key: tuple = field(init=False, repr=False)
    name: str
    category: Category
    price: Decimal
    qty: int = 0

    def __post_init__(self):
        self.sort_key = (self.category.value, self.name)

    @property
    def value(self) -> Decimal:
        return (self.price * self.qty).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)

stock = [Item("hammer", Category.TOOLS, Decimal("12.50"), 4), Item("yoyo", Category.TOYS, Decimal("3.99"), 25),
         Item("apple", Category.FOOD, Decimal("0.35"), 120), Item("saw", Category.TOOLS, Decimal("24.00"), 2),
         Item("kite", Category.TOYS, Decimal("15.75"), 3), Item("bread", Category.FOOD, Decimal("2.10"), 14)]
totals = defaultdict(Decimal)
lock = threading.Lock()

def tally(items):
    for it in items:
        with lock:
            totals[it.category] += it.value

threads = [threading.Thread(target=tally, args=(stock[i::2],)) for i in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()

line = "+" + "-" * 10 + "+" + "-" * 8 + "+" + "-" * 6 + "+" + "-" * 11 + "+"
print(line)
print(f"|{'Item':^10}|{'Price':^8}|{'Qty':^6}|{'Value':^11}|")
print(line)
for cat, group in sorted({c: [i for i in stock if i.category is c] for c in Category}.items(), key=lambda kv: kv[0].value):
    for item in sorted(group):
        print(f"|{item.name:<10}|{item.price:>8}|{item.qty:>6}|{item.value:>11,}|")
    print(f"|{'  ' + cat.value + ' total':<26}|{totals[cat]:>11,}|")
    print(line)
grand = sum(totals.values(), Decimal(0))
print(f"|{'GRAND TOTAL':<26}|{grand:>11,}|")
print(line)
print(max(stock, key=lambda i: i.value).name, min(stock).name, grand / len(stock), round(grand / 3, 2))
print(Decimal("1.1") + Decimal("2.2"), Decimal(10) / Decimal(4), Decimal("7") % Decimal("3"), Decimal("2.50").normalize())
