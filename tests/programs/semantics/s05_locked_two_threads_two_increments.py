# S5: two threads, two increments each, every increment inside `with lock:`.
import threading

counter = 0
lock = threading.Lock()


def worker():
    global counter
    with lock:
        counter += 1
    with lock:
        counter += 1


t1 = threading.Thread(target=worker)
t2 = threading.Thread(target=worker)
t1.start()
t2.start()
t1.join()
t2.join()
