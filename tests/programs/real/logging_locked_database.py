import logging
import threading
import time


class LockedStore:
    def __init__(self):
        self.value = 0
        self._lock = threading.Lock()

    def locked_update(self, name):
        logging.debug("Thread %s about to lock", name)
        with self._lock:
            logging.debug("Thread %s has lock", name)
            local_copy = self.value
            local_copy += 1
            time.sleep(0.05)
            self.value = local_copy
        logging.debug("Thread %s released lock", name)


if __name__ == "__main__":
    logging.basicConfig(format="%(levelname)s %(threadName)s: %(message)s", level=logging.DEBUG)
    store = LockedStore()
    threads = [threading.Thread(target=store.locked_update, args=(i,), name=f"T{i}")
               for i in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    logging.info("Ending value is %d", store.value)
    print("value:", store.value)
