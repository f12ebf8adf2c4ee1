import threading
from collections import defaultdict
from typing import Callable, Dict, List

class Event:
    def __init__(self, name: str, **payload):
        self.name = name
        self.payload = payload
    def __repr__(self) -> str:
        items = ", ".join(f"{k}={v!r}" for k, v in sorted(self.payload.items()))
        return f"<Event {self.name} {items}>"

class EventBus:
    def __init__(self) -> None:
        self._handlers: Dict[str, List[Callable[[Event], None]]] = defaultdict(list)
        self._lock = threading.RLock()
        self.log: list[str] = []
    def subscribe(self, name: str):
        def register(handler):
            with self._lock:
                self._handlers[name].append(handler)
            return handler
        return register
    def publish(self, event: Event) -> int:
        with self._lock:
            handlers = list(self._handlers.get(event.name, ()))
        for h in handlers:
            h(event)
        return len(handlers)
    def __len__(self):
        return sum(len(v) for v in self._handlers.values())
    def __contains__(self, name):
        return name in self._handlers

bus = EventBus()
totals = defaultdict(int)
tlock = threading.Lock()

@bus.subscribe("order")
def on_order(ev):
    with tlock:
        totals[ev.payload["customer"]] += ev.payload["amount"]

@bus.subscribe("order")
def audit(ev):
    with bus._lock:
        bus.log.append(ev.name)

@bus.subscribe("refund")
def on_refund(ev):
    with tlock:
        totals[ev.payload["customer"]] -= ev.payload["amount"]

class Shop(threading.Thread):
    def __init__(self, customer, amounts):
        super().__init__(name=f"shop-{customer}")
        self.customer = customer
        self.amounts = amounts
        self.delivered = 0
    def run(self):
        for a in self.amounts:
            kind = "refund" if a < 0 else "order"
            self.delivered += bus.publish(Event(kind, customer=self.customer, amount=abs(a)))

shops = [Shop("ann", [10, 20, -5]), Shop("bob", [7, 7, 7]), Shop("cy", [-3, 100])]
for s in shops:
    s.start()
for s in shops:
    s.join()

for s in shops:
    print(f"{s.name:>10}: delivered to {s.delivered} handlers")
print(dict(sorted(totals.items())))
print(len(bus), "handlers;", "order" in bus, "ship" in bus, len(bus.log))
print(Event("ping", b=2, a="x"))
print(on_order.__name__, bus.publish(Event("nothing")))
