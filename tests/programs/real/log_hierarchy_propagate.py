import logging
import sys
import threading

root = logging.getLogger()
root.setLevel(logging.DEBUG)
out = logging.StreamHandler(sys.stdout)
out.setFormatter(logging.Formatter("%(name)-12s %(levelname)-8s %(message)s"))
root.addHandler(out)

db_log = logging.getLogger("app.db")
net_log = logging.getLogger("app.net")
app_log = logging.getLogger("app")
app_log.setLevel(logging.INFO)
net_log.setLevel(logging.WARNING)

quiet = logging.getLogger("app.quiet")
quiet.propagate = False


def db_worker():
    db_log.debug("connecting")
    db_log.info("query took %dms", 12)


def net_worker():
    net_log.info("this is below WARNING and is dropped")
    net_log.warning("retrying request")
    quiet.error("nobody hears this")


for fn in (db_worker, net_worker):
    t = threading.Thread(target=fn)
    t.start()
    t.join()

print(db_log.getEffectiveLevel(), net_log.getEffectiveLevel(), quiet.getEffectiveLevel())
print(db_log.parent.name, app_log.parent.name)
print(logging.getLogger("app.db") is db_log)
