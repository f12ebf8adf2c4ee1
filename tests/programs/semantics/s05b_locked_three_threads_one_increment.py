# S5b: three threads, one increment each inside `with lock:`.
import threading

counter = 0
lock = threading.Lock()


def worker():
    global counter
    with lock:
        counter += 1


t1 = threading.Thread(target=worker)
t2 = threading.Thread(target=worker)
t3 = threading.Thread(target=worker)
t1.start()
t2.start()
t3.start()
t1.join()
t2.join()
t3.join()
