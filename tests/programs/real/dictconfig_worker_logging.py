import logging
import logging.config
import threading

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "simple": {"format": "%(levelname)s [%(threadName)s] %(name)s: %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "simple",
            "stream": "ext://sys.stdout",
            "level": "DEBUG",
        },
    },
    "loggers": {
        "app.worker": {"level": "DEBUG", "handlers": ["console"], "propagate": False},
    },
    "root": {"level": "WARNING", "handlers": ["console"]},
}

logging.config.dictConfig(LOGGING)
log = logging.getLogger("app.worker")


def work(n):
    log.debug("starting job %d", n)
    total = sum(range(n * 100))
    log.info("job %d -> %d", n, total)


for i in range(3):
    t = threading.Thread(target=work, args=(i,), name=f"job-{i}")
    t.start()
    t.join()
logging.getLogger("app").info("not shown: root is at WARNING")
logging.warning("root warning")
