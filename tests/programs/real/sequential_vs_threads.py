import random
import threading
import time


class Sleeper(threading.Thread):
    def __init__(self, seconds):
        threading.Thread.__init__(self)
        self.seconds = seconds

    def run(self):
        time.sleep(self.seconds)


def main():
    random.seed(99)
    delays = [round(random.uniform(0.05, 0.15), 2) for _ in range(4)]
    print("delays:", delays)

    start = time.time()
    for d in delays:
        time.sleep(d)
    print("sequential: %.1f s" % (time.time() - start))

    start = time.time()
    sleepers = [Sleeper(d) for d in delays]
    for s in sleepers:
        s.start()
    for s in sleepers:
        s.join()
    print("threaded:   %.1f s" % (time.time() - start))


if __name__ == "__main__":
    main()
