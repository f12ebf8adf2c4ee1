# S12: one thread acquires an RLock and never releases it; another thread releases it.
import threading

counter = 0
r = threading.RLock()


def holder():
    r.acquire()


def releaser():
    global counter
    r.release()
    counter += 1


t1 = threading.Thread(target=holder)
t2 = threading.Thread(target=releaser)
t1.start()
t2.start()
t1.join()
t2.join()
