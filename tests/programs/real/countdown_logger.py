import logging
import threading

logging.basicConfig(level=logging.DEBUG, format="[%(levelname)s] (%(threadName)-10s) %(message)s")
logger = logging.getLogger(__name__)


def countdown(n):
    logger.debug("starting countdown from %d", n)
    while n > 0:
        logger.debug("%d", n)
        n -= 1
    logger.info("finished")


def main():
    for name, start in [("first", 3), ("second", 2)]:
        t = threading.Thread(target=countdown, args=(start,), name=name)
        t.start()
        t.join()
    logger.warning("all countdowns done")
    print("done")


if __name__ == "__main__":
    main()
