import logging
import random
import threading
import time

logging.basicConfig(format='%(threadName)s: %(message)s', level=logging.INFO)
limit = threading.Semaphore(2)
started = time.time()


def call_api(request_id):
    with limit:
        logging.info("request %d sent at %.1fs", request_id, time.time() - started)
        time.sleep(random.choice([0.1, 0.15]))


threads = [threading.Thread(target=call_api, args=(i,)) for i in range(5)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("all requests answered in", round(time.time() - started, 1), "seconds")
