import threading
import time
from dataclasses import dataclass, field
from typing import Dict


@dataclass
class Inventory:
    stock: Dict[str, int] = field(default_factory=dict)
    lock: threading.RLock = field(default_factory=threading.RLock, repr=False)

    def __post_init__(self):
        self.changed = threading.Condition(self.lock)

    def add(self, item: str, qty: int) -> None:
        with self.lock:
            self.stock[item] = self.stock.get(item, 0) + qty
            self.changed.notify_all()

    def take(self, item: str, qty: int, timeout: float = 1.0) -> bool:
        with self.changed:
            ok = self.changed.wait_for(lambda: self.stock.get(item, 0) >= qty, timeout)
            if ok:
                self._remove(item, qty)
            return ok

    def _remove(self, item, qty):
        with self.lock:  # re-entrant: already held by take()
            self.stock[item] -= qty


inv = Inventory()
log = []


def customer(name, item, qty, timeout):
    ok = inv.take(item, qty, timeout)
    log.append(f"{name} {'got' if ok else 'gave up on'} {qty} {item}")


customers = [threading.Thread(target=customer, args=("ann", "apple", 3, 1.0)),
             threading.Thread(target=customer, args=("bo", "pear", 2, 0.2)),
             threading.Thread(target=customer, args=("cy", "apple", 2, 1.0))]
for c in customers:
    c.start()
time.sleep(0.1)
inv.add("apple", 4)
time.sleep(0.3)
inv.add("apple", 1)
inv.add("pear", 5)
for c in customers:
    c.join()
print(sorted(log))
print(inv)
