import logging
import sys
import threading


class LevelTagFormatter(logging.Formatter):
    TAGS = {"DEBUG": "[.]", "INFO": "[i]", "WARNING": "[!]", "ERROR": "[x]"}

    def format(self, record):
        tag = self.TAGS.get(record.levelname, "[?]")
        return f"{tag} {super().format(record)}"


handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(LevelTagFormatter("%(threadName)s %(message)s"))
log = logging.getLogger("tags")
log.addHandler(handler)
log.setLevel(logging.DEBUG)


def work(n):
    log.debug("step %d", n)
    if n == 2:
        log.error("n=%d failed", n)
    else:
        log.info("n=%d ok", n)


for i in range(3):
    t = threading.Thread(target=work, args=(i,), name=f"T{i}")
    t.start()
    t.join()
log.warning("all done")
