from dataclasses import dataclass, field
from typing import List, Optional
import threading
import queue


@dataclass(order=True)
class Order:
    priority: int
    order_id: int = field(compare=False)
    items: List[str] = field(default_factory=list, compare=False)
    note: Optional[str] = field(default=None, compare=False)


orders = queue.PriorityQueue()
processed: List[Order] = []


def kitchen():
    while True:
        order = orders.get()
        if order.order_id < 0:
            orders.task_done()
            break
        processed.append(order)
        orders.task_done()


for oid, (prio, items) in enumerate([(2, ["soup"]), (1, ["steak", "fries"]), (3, ["tea"])], start=100):
    orders.put(Order(prio, oid, items))
orders.put(Order(99, -1))
chef = threading.Thread(target=kitchen, name="Chef")
chef.start()
orders.join()
chef.join()
for o in processed:
    print(o.order_id, o.priority, ", ".join(o.items), o.note)
print(processed[0])
print(Order(1, 5) < Order(2, 1), Order(1, 5) == Order(1, 6))
