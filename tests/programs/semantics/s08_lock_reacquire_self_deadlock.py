# S8: one thread acquires the same Lock twice (a Lock has no owner: it waits for itself).
import threading

counter = 0
lock = threading.Lock()


def worker():
    global counter
    with lock:
        with lock:
            counter += 1


t1 = threading.Thread(target=worker)
t1.start()
t1.join()
