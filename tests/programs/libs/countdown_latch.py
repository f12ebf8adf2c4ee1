import threading


class CountDownLatch:
    def __init__(self, count):
        self.count = count
        self.condition = threading.Condition()

    def count_down(self):
        with self.condition:
            self.count -= 1
            if self.count <= 0:
                self.condition.notify_all()

    def wait(self):
        with self.condition:
            while self.count > 0:
                self.condition.wait()


latch = CountDownLatch(3)
ready = []


def service(name):
    ready.append(name)
    latch.count_down()


for name in ["db", "cache", "api"]:
    threading.Thread(target=service, args=(name,)).start()
latch.wait()
print("all services up:", sorted(ready))
print("latch count:", latch.count)
