import logging
import sys
import threading

logger = logging.getLogger(__name__)
logger.setLevel(logging.DEBUG)
handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(logging.Formatter("[%(levelname)s] %(threadName)s - %(message)s"))
logger.addHandler(handler)
logger.propagate = False


class Worker(threading.Thread):
    def __init__(self, n):
        super().__init__(name=f"W{n}")
        self.n = n

    def run(self):
        logger.debug("starting")
        if self.n == 2:
            logger.warning("n=%d is special", self.n)
        logger.info("result %s", self.n ** 3)


workers = [Worker(i) for i in range(1, 4)]
for w in workers:
    w.start()
    w.join()
logger.critical("done: %d workers", len(workers))
print(logger.name, logger.level, logger.getEffectiveLevel(), logging.getLevelName(30))
print(logger.isEnabledFor(logging.DEBUG), len(logger.handlers))
