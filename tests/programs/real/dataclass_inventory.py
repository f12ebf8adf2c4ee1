import threading
from dataclasses import dataclass, field


@dataclass
class Item:
    name: str
    stock: int
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def sell(self, qty):
        with self.lock:
            if self.stock >= qty:
                self.stock -= qty
                return True
            return False


def shopper(item, orders, sold):
    for qty in orders:
        if item.sell(qty):
            sold.append(qty)


if __name__ == "__main__":
    widget = Item("widget", 100)
    sold = []
    shoppers = [threading.Thread(target=shopper, args=(widget, [3, 5, 7], sold))
                for _ in range(8)]
    for s in shoppers:
        s.start()
    for s in shoppers:
        s.join()
    print(widget)
    print("units sold:", sum(sold), "in", len(sold), "orders")
    print("stock + sold =", widget.stock + sum(sold))
