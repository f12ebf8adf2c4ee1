import logging
import random
import threading
import time

logging.basicConfig(level=logging.INFO, format="%(threadName)s: %(message)s")
random.seed(11)


class ParkingLot:
    def __init__(self, spaces):
        self.spaces = threading.BoundedSemaphore(spaces)
        self.lock = threading.Lock()
        self.parked = 0
        self.max_parked = 0

    def park(self, minutes):
        with self.spaces:
            with self.lock:
                self.parked += 1
                self.max_parked = max(self.max_parked, self.parked)
            time.sleep(minutes / 100)
            with self.lock:
                self.parked -= 1


lot = ParkingLot(3)
stays = [random.randint(1, 10) for _ in range(8)]
cars = [threading.Thread(target=lot.park, args=(m,), name=f"Car-{i}") for i, m in enumerate(stays)]
for car in cars:
    car.start()
for car in cars:
    car.join()
logging.info("stays: %s", stays)
print("most cars parked at once:", lot.max_parked)
try:
    lot.spaces.release()
except ValueError as e:
    print("ValueError:", e)
