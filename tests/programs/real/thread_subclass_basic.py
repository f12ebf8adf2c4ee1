import threading
import time


class CountdownThread(threading.Thread):
    def __init__(self, name, count):
        super().__init__(name=name)
        self.count = count

    def run(self):
        while self.count > 0:
            print(f"{self.name}: {self.count}")
            self.count -= 1
            time.sleep(0.01)
        print(f"{self.name}: liftoff!")


if __name__ == "__main__":
    rocket = CountdownThread("Rocket", 3)
    rocket.start()
    rocket.join()
    probe = CountdownThread("Probe", 2)
    probe.start()
    probe.join()
    print("All launches done")
