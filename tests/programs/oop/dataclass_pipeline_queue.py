import queue
import threading
from dataclasses import dataclass, field
from typing import List, Optional


@dataclass
class Order:
    order_id: int
    items: List[str] = field(default_factory=list)
    total: float = 0.0
    status: str = "new"
    note: Optional[str] = None

    @property
    def size(self) -> int:
        return len(self.items)


@dataclass
class Stage:
    name: str
    inbox: "queue.Queue" = field(default_factory=queue.Queue, repr=False)
    handled: int = 0


def price(order: Order) -> None:
    order.total = round(sum(len(i) * 1.5 for i in order.items), 2)
    order.status = "priced"


def ship(order: Order) -> None:
    order.status = "shipped"


def worker(stage: Stage, action, outbox) -> None:
    while True:
        order = stage.inbox.get()
        if order is None:
            if outbox is not None:
                outbox.put(None)
            break
        action(order)
        stage.handled += 1
        if outbox is not None:
            outbox.put(order)


pricing, shipping = Stage("pricing"), Stage("shipping")
threads = [threading.Thread(target=worker, args=(pricing, price, shipping.inbox)),
           threading.Thread(target=worker, args=(shipping, ship, None))]
for t in threads:
    t.start()
orders = [Order(1, ["pen", "ink"]), Order(2, ["notebook"]), Order(3)]
for o in orders:
    pricing.inbox.put(o)
pricing.inbox.put(None)
for t in threads:
    t.join()
for o in orders:
    print(o, o.size)
print(pricing, shipping)
print(orders[0] == Order(1, ["pen", "ink"], 6.0, "shipped"))
