import threading
import time


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


def service(name, delay):
    time.sleep(delay)
    print(f"{name} is up")
    latch.count_down()


for name, delay in [("database", 0.3), ("cache", 0.1), ("queue", 0.2)]:
    threading.Thread(target=service, args=(name, delay)).start()
latch.wait()
print("all services are up, starting the app")
