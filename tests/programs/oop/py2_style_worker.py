# Python 2-era style: explicit Thread.__init__(self), class-level counter and lock
import threading
import time


class Worker(threading.Thread):
    count = 0
    lock = threading.Lock()

    def __init__(self, num):
        threading.Thread.__init__(self)
        self.num = num

    def run(self):
        for i in range(1000):
            Worker.lock.acquire()
            try:
                Worker.count += 1
            finally:
                Worker.lock.release()
        time.sleep(0.05 * self.num)
        print("Worker %d finished" % self.num)


def main():
    workers = []
    for n in range(4):
        w = Worker(n)
        workers.append(w)
        w.start()
    for w in workers:
        w.join()
    print("Total count: %d" % Worker.count)
    print("Expected: %d" % (4 * 1000))


if __name__ == '__main__':
    main()
