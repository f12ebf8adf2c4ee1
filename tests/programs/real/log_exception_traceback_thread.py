import logging
import sys
import threading

logging.basicConfig(stream=sys.stdout, level=logging.INFO,
                    format="%(threadName)s %(levelname)s %(message)s")


def divide(a, b):
    return a / b


def task(a, b):
    try:
        result = divide(a, b)
        logging.info("%d / %d = %.2f", a, b, result)
    except ZeroDivisionError:
        logging.exception("could not divide %d by %d", a, b)


threads = [threading.Thread(target=task, args=pair, name=f"T{i}")
           for i, pair in enumerate([(10, 4), (3, 0), (9, 3)])]
for t in threads:
    t.start()
    t.join()
print("done")
