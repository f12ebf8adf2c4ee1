import threading
from collections import defaultdict


class EventBus:
    def __init__(self):
        self._subscribers = defaultdict(list)
        self._lock = threading.Lock()

    def subscribe(self, topic, callback):
        with self._lock:
            self._subscribers[topic].append(callback)

    def publish(self, topic, payload):
        with self._lock:
            callbacks = list(self._subscribers[topic])
        for cb in callbacks:
            cb(topic, payload)


class Listener:
    def __init__(self, name):
        self.name = name
        self.received = []
        self.lock = threading.Lock()

    def on_event(self, topic, payload):
        with self.lock:
            self.received.append((topic, payload))

    def __repr__(self):
        return "Listener(%s, %d events)" % (self.name, len(self.received))


bus = EventBus()
a, b = Listener("a"), Listener("b")
bus.subscribe("price", a.on_event)
bus.subscribe("price", b.on_event)
bus.subscribe("news", b.on_event)


def publisher(topic, values):
    for v in values:
        bus.publish(topic, v)


threads = [threading.Thread(target=publisher, args=("price", [10, 11, 12])),
           threading.Thread(target=publisher, args=("news", ["up", "down"]))]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(a, b)
print(sorted(a.received))
print(sorted(b.received, key=lambda e: (e[0], str(e[1]))))
print(a.on_event.__name__, a.on_event.__self__ is a)
