# S10: release() of a Lock nobody acquired.
import threading

counter = 0
lock = threading.Lock()


def worker():
    global counter
    lock.release()
    counter += 1


t1 = threading.Thread(target=worker)
t1.start()
t1.join()
