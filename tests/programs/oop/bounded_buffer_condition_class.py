import threading
import time


class BoundedBuffer(object):
    """Classic monitor: a fixed-size buffer guarded by a condition variable."""

    def __init__(self, capacity):
        self.capacity = capacity
        self.items = []
        self.cond = threading.Condition()

    def put(self, item):
        with self.cond:
            while len(self.items) >= self.capacity:
                self.cond.wait()
            self.items.append(item)
            self.cond.notify_all()

    def get(self):
        with self.cond:
            while not self.items:
                self.cond.wait()
            item = self.items.pop(0)
            self.cond.notify_all()
            return item

    def __len__(self):
        with self.cond:
            return len(self.items)


class Producer(threading.Thread):
    def __init__(self, buf, count):
        threading.Thread.__init__(self, name="Producer")
        self.buf = buf
        self.count = count

    def run(self):
        for i in range(self.count):
            self.buf.put(i)
        self.buf.put(None)


class Consumer(threading.Thread):
    def __init__(self, buf):
        super(Consumer, self).__init__(name="Consumer")
        self.buf = buf
        self.total = 0
        self.seen = []

    def run(self):
        while True:
            item = self.buf.get()
            if item is None:
                break
            self.seen.append(item)
            self.total += item


buf = BoundedBuffer(2)
p, c = Producer(buf, 10), Consumer(buf)
start = time.perf_counter()
c.start()
p.start()
p.join()
c.join()
print("consumed:", c.seen)
print("total:", c.total, "left in buffer:", len(buf))
print(p.name, c.name, p.is_alive(), c.is_alive())
