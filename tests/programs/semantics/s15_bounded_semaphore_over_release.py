# S15: BoundedSemaphore(1): acquire, release, release.
import threading

counter = 0
sem = threading.BoundedSemaphore(1)


def worker():
    global counter
    sem.acquire()
    sem.release()
    sem.release()
    counter += 1


t1 = threading.Thread(target=worker)
t1.start()
t1.join()
# Drain the semaphore to read its value.
final_value = 0
while sem.acquire(False):
    final_value += 1
