import logging
import sys
import threading

context = threading.local()


class RequestIdFilter(logging.Filter):
    """Adds the current thread's request id to every record."""

    def filter(self, record):
        record.request_id = getattr(context, "request_id", "-")
        return True


handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(logging.Formatter("%(request_id)s %(threadName)s %(levelname)s %(message)s"))
handler.addFilter(RequestIdFilter())

log = logging.getLogger("web")
log.setLevel(logging.INFO)
log.addHandler(handler)


def handle_request(request_id, path):
    context.request_id = request_id
    log.info("GET %s", path)
    if path.endswith("admin"):
        log.warning("forbidden: %s", path)
    log.info("done")


requests = [("r1", "/home"), ("r2", "/admin"), ("r3", "/about")]
for i, (rid, path) in enumerate(requests):
    t = threading.Thread(target=handle_request, args=(rid, path), name=f"handler-{i}")
    t.start()
    t.join()
log.info("server idle")
