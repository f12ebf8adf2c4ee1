import threading
from enum import Enum, IntEnum, auto, Flag

class Status(Enum):
    PENDING = auto()
    PICKED = auto()
    SHIPPED = auto()
    CANCELLED = auto()

    def __str__(self):
        return self.name.lower()

class Priority(IntEnum):
    LOW = 1
    NORMAL = 2
    HIGH = 3

class Perm(Flag):
    READ = auto()
    WRITE = auto()
    ADMIN = auto()

class Order:
    _next_id = 1
    _id_lock = threading.Lock()

    def __init__(self, item, qty, priority=Priority.NORMAL):
        with Order._id_lock:
            self.id = Order._next_id
            Order._next_id += 1
        self.item = item
        self.qty = qty
        self.priority = priority
        self.status = Status.PENDING

    def __repr__(self):
        return f"Order(id={self.id}, item={self.item!r}, qty={self.qty}, status={self.status})"

stock = {"widget": 10, "gadget": 3, "doohickey": 0}
stock_lock = threading.Lock()
orders = []

def fulfil(order):
    with stock_lock:
        if stock.get(order.item, 0) >= order.qty:
            stock[order.item] -= order.qty
            order.status = Status.PICKED
        else:
            order.status = Status.CANCELLED
    if order.status is Status.PICKED:
        order.status = Status.SHIPPED

requests = [("widget", 4, Priority.HIGH), ("gadget", 2, Priority.LOW), ("widget", 5, Priority.NORMAL),
            ("doohickey", 1, Priority.HIGH), ("gadget", 2, Priority.NORMAL), ("widget", 1, Priority.LOW)]
for item, qty, prio in requests:
    orders.append(Order(item, qty, prio))

threads = []
for order in sorted(orders, key=lambda o: o.priority, reverse=True):
    t = threading.Thread(target=fulfil, args=(order,))
    threads.append(t)
    t.start()
    t.join()

for o in orders:
    print(o)
print("stock left:", stock)
counts = {s: 0 for s in Status}
for o in orders:
    counts[o.status] += 1
for s, n in counts.items():
    print(f"{s.name:<10}{s.value:>3}{n:>4}  {s!r}")
print(Priority.HIGH > Priority.LOW, Priority.HIGH + 1, int(Priority.NORMAL), Priority(3))
print(Status["SHIPPED"], Status(1), list(Priority), len(Status))
print(max(orders, key=lambda o: (o.priority, -o.id)).id)
p = Perm.READ | Perm.WRITE
print(p, Perm.READ in p, Perm.ADMIN in p, bool(p & Perm.ADMIN))
print(f"{Priority.HIGH}", f"{Status.PENDING}", format(Priority.LOW, "d"), Priority.HIGH.name)
print([s.value for s in Status if s is not Status.CANCELLED])
print(isinstance(Priority.HIGH, int), type(Status.PICKED).__name__)
