# S11: one thread acquires a Lock and never releases it; another thread releases it.
import threading

counter = 0
lock = threading.Lock()


def holder():
    global counter
    lock.acquire()
    counter += 1


def releaser():
    lock.release()


t1 = threading.Thread(target=holder)
t2 = threading.Thread(target=releaser)
t1.start()
t2.start()
t1.join()
t2.join()
still_locked = lock.locked()
