import logging
import threading
import time

logging.basicConfig(
    level=logging.DEBUG,
    format="%(levelname)-8s [%(threadName)-10s] %(funcName)s:%(lineno)d - %(message)s",
)
log = logging.getLogger("pool")


def process(item):
    log.debug("processing %s", item)
    time.sleep(0.01 * item)
    if item % 3 == 0:
        log.warning("item %d is divisible by three", item)
    return item * item


def worker(items, results, lock):
    for it in items:
        r = process(it)
        with lock:
            results.append(r)
    log.info("finished %d items", len(items))


def main():
    results = []
    lock = threading.Lock()
    threads = []
    for i in range(3):
        t = threading.Thread(target=worker, args=([i * 3 + 1, i * 3 + 2, i * 3 + 3], results, lock),
                             name=f"Worker-{i}")
        threads.append(t)
        t.start()
        t.join()
    log.info("all done: %s", sorted(results))
    print("sum of squares:", sum(results))


if __name__ == "__main__":
    main()
