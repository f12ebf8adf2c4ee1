import random
import threading
import time


def worker(number):
    delay = random.uniform(0.05, 0.3)
    print(f"Worker {number} starting, will sleep {delay:.2f}s")
    time.sleep(delay)
    print(f"Worker {number} finished")


threads = []
for i in range(4):
    t = threading.Thread(target=worker, args=(i,))
    threads.append(t)
    t.start()

for t in threads:
    t.join()

print("All workers are done")
