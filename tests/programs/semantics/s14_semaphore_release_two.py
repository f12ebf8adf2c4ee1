# S14: Semaphore(0); two threads acquire it, a third does release(2).
import threading

sem = threading.Semaphore(0)
acquirers = []


def acquirer(i):
    sem.acquire()
    acquirers.append(i)


def releaser():
    sem.release(2)


t1 = threading.Thread(target=acquirer, args=(1,))
t2 = threading.Thread(target=acquirer, args=(2,))
t3 = threading.Thread(target=releaser)
t1.start()
t2.start()
t3.start()
t1.join()
t2.join()
t3.join()
# Drain the semaphore to read its value.
final_value = 0
while sem.acquire(False):
    final_value += 1
