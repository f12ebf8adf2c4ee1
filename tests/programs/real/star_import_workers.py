# Old-school style: star imports, camel-free threading API.
from threading import *
from time import sleep
import random

random.seed(11)
lock = Lock()
results = {}


def worker(num):
    delay = random.randint(1, 5) / 100
    sleep(delay)
    with lock:
        results[num] = round(delay * 100)
    return


if __name__ == "__main__":
    threads = []
    for i in range(5):
        t = Thread(target=worker, args=(i,))
        threads.append(t)
        t.start()
    print("running:", active_count() - 1, "workers")
    for t in threads:
        t.join()
    for num in sorted(results):
        print(f"worker {num} slept {results[num]} ticks")
    print("left:", [t.name for t in enumerate()])
