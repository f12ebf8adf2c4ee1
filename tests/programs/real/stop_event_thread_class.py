import logging
import threading
import time

logging.basicConfig(format='%(threadName)s: %(message)s', level=logging.INFO)


class StoppableWorker(threading.Thread):
    def __init__(self, interval):
        super().__init__(name="Poller")
        self.interval = interval
        self._stop_event = threading.Event()
        self.polls = 0

    def stop(self):
        self._stop_event.set()

    def stopped(self):
        return self._stop_event.is_set()

    def run(self):
        logging.info("started")
        while not self.stopped():
            self.polls += 1
            self._stop_event.wait(self.interval)
        logging.info("stopping after %d polls", self.polls)


if __name__ == "__main__":
    w = StoppableWorker(0.1)
    w.start()
    time.sleep(0.35)
    w.stop()
    w.join()
    print("polls:", w.polls)
