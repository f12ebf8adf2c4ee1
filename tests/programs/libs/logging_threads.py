import logging
import threading
import time

logging.basicConfig(
    format="%(asctime)s - %(threadName)s - %(levelname)s - %(message)s",
    datefmt="%H:%M:%S",
    level=logging.DEBUG,
)
logger = logging.getLogger(__name__)


def task(n):
    logger.info("starting task %d", n)
    time.sleep(0.1 * n)
    logger.debug("task %d slept", n)
    logger.warning("task %s finished", n)


threads = [threading.Thread(target=task, args=(i,), name=f"Task-{i}") for i in range(1, 4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
logger.error("all tasks joined")
print("main exits")
