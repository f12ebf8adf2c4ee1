import logging
import sys
import threading

logging.basicConfig(stream=sys.stdout, level=logging.INFO,
                    format="%(name)s:%(levelname)s:%(message)s")
db = logging.getLogger("app.db")
web = logging.getLogger("app.web")
web.setLevel(logging.WARNING)


def task(log, n):
    log.debug("hidden %d", n)
    log.info("info %d", n)
    log.warning("warn %d", n)


for log, n in [(db, 1), (web, 2)]:
    t = threading.Thread(target=task, args=(log, n))
    t.start()
    t.join()
logging.info("root info")
logging.debug("root debug hidden")
logging.log(logging.ERROR, "custom %s", "level")
print(logging.getLogger("app").getChild("db") is db, db.parent.name)
