"""Three-stage pipeline: read -> transform -> write, connected by bounded queues."""
import queue
import threading
import logging

logging.basicConfig(level=logging.INFO, format="%(threadName)s:%(levelname)s:%(message)s")
logger = logging.getLogger(__name__)

DONE = object()


class Stage(threading.Thread):
    def __init__(self, name, inbox, outbox, func):
        super().__init__(name=name)
        self.inbox, self.outbox, self.func = inbox, outbox, func
        self.count = 0

    def run(self):
        while (item := self.inbox.get()) is not DONE:
            self.outbox.put(self.func(item))
            self.count += 1
        self.outbox.put(DONE)
        logger.info("%s handled %d items", self.name, self.count)


def main():
    raw, cleaned, shouted = queue.Queue(maxsize=2), queue.Queue(maxsize=2), queue.Queue()
    stages = [
        Stage("strip", raw, cleaned, str.strip),
        Stage("upper", cleaned, shouted, lambda s: s.upper() + "!"),
    ]
    for stage in stages:
        stage.start()
    for line in ["  hello ", "world  ", "\tthreads\n", "queues "]:
        raw.put(line)
    raw.put(DONE)
    results = []
    while (item := shouted.get()) is not DONE:
        results.append(item)
    for stage in stages:
        stage.join()
    print(results)
    print({s.name: s.count for s in stages})


if __name__ == "__main__":
    main()
