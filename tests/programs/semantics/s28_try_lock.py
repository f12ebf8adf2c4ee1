# S28: two threads: `if lock.acquire(False): counter += 1; lock.release()`.
import threading

counter = 0
lock = threading.Lock()


def worker():
    global counter
    if lock.acquire(False):
        counter += 1
        lock.release()


t1 = threading.Thread(target=worker)
t2 = threading.Thread(target=worker)
t1.start()
t2.start()
t1.join()
t2.join()
