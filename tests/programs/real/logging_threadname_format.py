import logging
import threading
import time

logging.basicConfig(
    level=logging.DEBUG,
    format="%(levelname)-8s [%(threadName)-10s] %(name)s: %(message)s",
)
log = logging.getLogger("worker")


def work(n):
    log.debug("starting job %d", n)
    time.sleep(0.01 * n)
    if n == 2:
        log.warning("job %s is slow", n)
    log.info("finished job %d", n)


threads = [threading.Thread(target=work, args=(i,), name=f"Worker-{i}") for i in range(1, 4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
logging.getLogger().info("all done")
log.error("an %s with %r", "error", {"k": 1})
