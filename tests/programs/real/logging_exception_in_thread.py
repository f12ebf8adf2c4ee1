import logging
import threading

logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")


def risky(n):
    try:
        return 10 / n
    except ZeroDivisionError:
        logging.error("division failed for n=%d", n)
        return None


results = []
for n in (5, 0, 2):
    t = threading.Thread(target=lambda n=n: results.append(risky(n)))
    t.start()
    t.join()
print(results)
