import logging
import random
import threading
from collections import Counter, defaultdict

LOGFILE = "service.log"
logging.basicConfig(filename=LOGFILE, filemode="w", level=logging.DEBUG,
                    format="%(levelname)s|%(threadName)s|%(message)s")
random.seed(3)


def service(name, n_events):
    log = logging.getLogger(name)
    for i in range(n_events):
        roll = random.random()
        if roll < 0.15:
            log.error("event %d failed", i)
        elif roll < 0.4:
            log.warning("event %d slow", i)
        else:
            log.info("event %d ok", i)


threads = [threading.Thread(target=service, args=(f"svc{i}", 6), name=f"svc-{i}")
           for i in range(3)]
for t in threads:
    t.start()
    t.join()

levels = Counter()
by_thread = defaultdict(Counter)
with open(LOGFILE) as f:
    for line in f:
        level, thread, message = line.rstrip("\n").split("|", 2)
        levels[level] += 1
        by_thread[thread][level] += 1

print("levels:", dict(sorted(levels.items())))
for thread in sorted(by_thread):
    row = by_thread[thread]
    print(f"{thread}: " + ", ".join(f"{k}={row[k]}" for k in ("INFO", "WARNING", "ERROR")))
