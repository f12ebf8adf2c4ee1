# S3: three threads, one unlocked increment each.
import threading

counter = 0


def worker():
    global counter
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
