import logging
import threading

logging.basicConfig(format="%(levelno)2d %(threadName)s %(module)s %(filename)s %(levelname)s %(message)s",
                    level=logging.INFO, datefmt="%H:%M:%S")

idents = {}


def worker(n):
    idents[n] = threading.get_ident()
    logging.info("worker %d running", n)
    logging.log(logging.WARNING, "custom level call from %d", n)


logging.addLevelName(25, "NOTICE")
threads = [threading.Thread(target=worker, args=(i,)) for i in range(2)]
for t in threads:
    t.start()
    t.join()
logging.log(25, "notice level")
print(logging.getLevelName(25), logging.getLevelName("NOTICE"), logging.INFO)
print(sorted(idents))
