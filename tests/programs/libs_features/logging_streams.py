import logging
import sys
import threading

logging.basicConfig(stream=sys.stdout, level=logging.DEBUG,
                    format="[%(levelname)s] (%(threadName)-9s) %(message)s")
log = logging.getLogger("app")
out = logging.StreamHandler(sys.stdout)
out.setFormatter(logging.Formatter("{name}|{levelname}|{message}", style="{"))
log.addHandler(out)
log.propagate = False


def worker(n):
    logging.debug("starting %d", n)
    log.info("worker %s done", n)


for i in range(2):
    t = threading.Thread(target=worker, args=(i,), name=f"w{i}")
    t.start()
    t.join()
print(out)
