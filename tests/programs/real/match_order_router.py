import threading
import queue
from dataclasses import dataclass, field


@dataclass
class Order:
    kind: str
    item: str
    qty: int = 1
    tags: list = field(default_factory=list)


inventory = {"apple": 10, "pear": 4, "plum": 0}
inv_lock = threading.Lock()
log = []
orders = queue.Queue()


def handle(order):
    match order:
        case Order(kind="buy", qty=q) if q <= 0:
            return f"rejected: bad qty {q}"
        case Order(kind="buy", item=item, qty=q):
            with inv_lock:
                if (have := inventory.get(item, 0)) >= q:
                    inventory[item] = have - q
                    return f"sold {q} {item} ({have - q} left)"
                return f"out of {item}: have {have}, want {q}"
        case Order(kind="restock", item=item, qty=q):
            with inv_lock:
                inventory[item] = inventory.get(item, 0) + q
            return f"restocked {item} +{q}"
        case Order(kind=other):
            return f"unknown kind {other!r}"


def worker():
    while (order := orders.get()) is not None:
        result = handle(order)
        with inv_lock:
            log.append((order.item, result))
        orders.task_done()
    orders.task_done()


t = threading.Thread(target=worker, daemon=True)
t.start()
for o in [Order("buy", "apple", 3), Order("buy", "plum"), Order("restock", "plum", 5),
          Order("buy", "plum", 2), Order("buy", "pear", 0), Order("refund", "pear"),
          Order("buy", "kiwi", tags=["new"])]:
    orders.put(o)
orders.put(None)
orders.join()
t.join()
for item, result in log:
    print(f"{item:>6}: {result}")
print(inventory)
print(Order("buy", "x"), Order("buy", "x") == Order("buy", "x", 1))
