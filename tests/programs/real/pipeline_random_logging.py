import logging
import queue
import random
import threading
import time

SENTINEL = object()


class Consumer(threading.Thread):
    def __init__(self, q):
        super().__init__(name="Consumer")
        self.q = q
        self.total = 0

    def run(self):
        while True:
            message = self.q.get()
            if message is SENTINEL:
                break
            logging.info("consumer storing message: %s", message)
            self.total += message


def producer(q, count):
    for _ in range(count):
        message = random.randint(1, 101)
        logging.info("producer got message: %s", message)
        q.put(message)
        time.sleep(0.02)
    q.put(SENTINEL)


if __name__ == "__main__":
    logging.basicConfig(format="%(threadName)s: %(message)s", level=logging.INFO)
    pipeline = queue.Queue(maxsize=3)
    consumer = Consumer(pipeline)
    consumer.start()
    prod = threading.Thread(target=producer, args=(pipeline, 6), name="Producer")
    prod.start()
    prod.join()
    consumer.join()
    print("consumer total:", consumer.total)
