import platform
import sys
import threading
import logging

logging.basicConfig(level=logging.DEBUG,
                    format="%(threadName)-10s %(levelname)-7s %(message)s",
                    stream=sys.stdout)
logging.captureWarnings(True)
log = logging.getLogger("bench")


def header():
    print("=" * 40)
    print(f"Python {platform.python_version()} ({platform.python_implementation()})")
    print(f"System: {platform.system()} {platform.machine()}")
    print(f"GIL-based threads: {sys.version_info >= (3, 0)}")
    major, minor, _ = platform.python_version_tuple()
    print(f"Version tuple ok: {(int(major), int(minor)) == sys.version_info[:2]}")
    print("=" * 40)


def count(n, results, index):
    log.debug("counting to %d", n)
    total = 0
    for i in range(n):
        total += i
    results[index] = total
    log.info("finished with %d", total)


header()
results = [None] * 3
threads = [threading.Thread(target=count, args=(1000 * (i + 1), results, i), name=f"counter-{i}")
           for i in range(3)]
for t in threads:  # one at a time, so the log reads in order
    t.start()
    t.join()
import warnings
warnings.warn("the benchmark API will change", FutureWarning)
log.warning("results: %s", results)
