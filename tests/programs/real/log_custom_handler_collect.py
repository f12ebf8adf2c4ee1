import logging
import threading


class ListHandler(logging.Handler):
    """Collects formatted records in memory, e.g. for tests."""

    def __init__(self):
        super().__init__()
        self.records = []

    def emit(self, record):
        self.records.append(self.format(record))


class OnlyWorkers(logging.Filter):
    def filter(self, record):
        return record.threadName.startswith("worker")


collector = ListHandler()
collector.setFormatter(logging.Formatter("%(threadName)s|%(levelname)s|%(message)s"))
collector.addFilter(OnlyWorkers())

logger = logging.getLogger("collect")
logger.setLevel(logging.DEBUG)
logger.addHandler(collector)
logger.propagate = False


def job(n):
    logger.debug("start %d", n)
    logger.info("square is %d", n * n)


for i in range(3):
    t = threading.Thread(target=job, args=(i,), name=f"worker-{i}")
    t.start()
    t.join()
logger.info("main thread message is filtered out")

print(len(collector.records), "records captured")
for line in collector.records:
    print(line)
