# S26: Barrier(2) with three threads, each calling wait() once.
import threading

barrier = threading.Barrier(2)
indices = []


def worker():
    indices.append(barrier.wait())


t1 = threading.Thread(target=worker)
t2 = threading.Thread(target=worker)
t3 = threading.Thread(target=worker)
t1.start()
t2.start()
t3.start()
t1.join()
t2.join()
t3.join()
