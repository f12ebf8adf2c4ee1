import logging
import logging.handlers
import queue
import random
import sys
import threading

log_queue = queue.Queue(-1)
queue_handler = logging.handlers.QueueHandler(log_queue)

console = logging.StreamHandler(sys.stdout)
console.setFormatter(logging.Formatter("%(threadName)-9s %(levelname)-7s %(message)s"))
listener = logging.handlers.QueueListener(log_queue, console)

logger = logging.getLogger("crawler")
logger.addHandler(queue_handler)
logger.setLevel(logging.INFO)
logger.propagate = False

random.seed(11)
PAGES = {f"/page/{i}": random.randint(1, 5) for i in range(6)}


def crawl(name, paths):
    for path in paths:
        links = PAGES[path]
        if links >= 4:
            logger.warning("%s has many links (%d)", path, links)
        else:
            logger.info("%s -> %d links", path, links)


def main():
    listener.start()
    paths = sorted(PAGES)
    workers = [threading.Thread(target=crawl, args=(f"c{i}", paths[i::2]), name=f"crawler-{i}")
               for i in range(2)]
    for w in workers:
        w.start()
        w.join()
    listener.stop()
    print("total links:", sum(PAGES.values()))


if __name__ == "__main__":
    main()
