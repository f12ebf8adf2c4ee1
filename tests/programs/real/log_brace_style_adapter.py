import logging
import sys
import threading

handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(logging.Formatter("{levelname:<7} {name}: {message}", style="{"))
base = logging.getLogger("app")
base.addHandler(handler)
base.setLevel(logging.INFO)


class RequestAdapter(logging.LoggerAdapter):
    def process(self, msg, kwargs):
        return f"[req={self.extra['request_id']}] {msg}", kwargs


def handle(request_id, payload):
    log = RequestAdapter(base, {"request_id": request_id})
    log.info("received %d bytes", len(payload))
    if not payload:
        log.error("empty payload")
        return
    log.info("ok")


threads = [threading.Thread(target=handle, args=(i, "x" * (i * 5))) for i in range(3)]
for t in threads:
    t.start()
    t.join()
base.info("served %d requests", len(threads))
