from __future__ import annotations
import threading
from dataclasses import dataclass, field, asdict, replace, astuple
from typing import ClassVar
from enum import Enum, auto, IntEnum
import string
from string import Template

class Status(Enum):
    PENDING = auto()
    RUNNING = auto()
    DONE = auto()

class Priority(IntEnum):
    LOW = 1
    HIGH = 3

@dataclass
class Order:
    id: int
    items: list[str] = field(default_factory=list)
    status: Status = Status.PENDING
    priority: Priority = Priority.LOW
    registry: ClassVar[dict[int, "Order"]] = {}

    def __post_init__(self):
        Order.registry[self.id] = self

    @property
    def total_items(self) -> int:
        return len(self.items)

@dataclass(frozen=True)
class Receipt:
    order_id: int
    lines: tuple[str, ...]

lock = threading.Lock()
receipts: list[Receipt] = []
line_tmpl = Template("  - $item x$qty")

def fulfil(order: Order) -> None:
    order.status = Status.RUNNING
    lines = tuple(line_tmpl.substitute(item=i, qty=n + 1) for n, i in enumerate(order.items))
    with lock:
        receipts.append(Receipt(order.id, lines))
    order.status = Status.DONE

orders = [Order(1, ["apple", "pear"]), Order(2, ["fig"], priority=Priority.HIGH), Order(3)]
ts = [threading.Thread(target=fulfil, args=(o,)) for o in sorted(orders, key=lambda o: -o.priority)]
for t in ts: t.start()
for t in ts: t.join()
for r in sorted(receipts, key=lambda r: r.order_id):
    print(f"Order {r.order_id}:", *r.lines, sep="\n")
print(orders[0], asdict(orders[1]))
print(replace(orders[2], id=9).id, astuple(receipts[0])[0] in (1, 2, 3), len(Order.registry))
print([o.status.name for o in orders], Status.DONE.value, Priority.HIGH > Priority.LOW, Priority(3))
try:
    receipts[0].order_id = 5
except Exception as e:
    print(type(e).__name__, e)
print(sum(o.total_items for o in orders), max(orders, key=lambda o: o.priority).id)
print(Template("$$ $a").safe_substitute(), string.capwords("hello big world"))
