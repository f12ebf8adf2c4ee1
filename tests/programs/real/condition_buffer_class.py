import random
import threading

random.seed(5)


class BoundedBuffer:
    def __init__(self, capacity):
        self.items = []
        self.capacity = capacity
        self.cond = threading.Condition()

    def put(self, item):
        with self.cond:
            self.cond.wait_for(lambda: len(self.items) < self.capacity)
            self.items.append(item)
            self.cond.notify_all()

    def get(self):
        with self.cond:
            self.cond.wait_for(lambda: len(self.items) > 0)
            item = self.items.pop(0)
            self.cond.notify_all()
            return item


buffer = BoundedBuffer(2)
values = [random.randint(1, 100) for _ in range(10)]
received = []


def producer():
    for v in values:
        buffer.put(v)


def consumer():
    for _ in range(len(values)):
        received.append(buffer.get())


threads = [threading.Thread(target=producer), threading.Thread(target=consumer)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("sent:    ", values)
print("received:", received)
print("in order:", values == received)
