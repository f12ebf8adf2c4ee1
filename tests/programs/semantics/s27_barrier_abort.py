# S27: Barrier(3); two threads wait(), a third calls abort().
import threading

barrier = threading.Barrier(3)


def waiter():
    barrier.wait()


def aborter():
    barrier.abort()


t1 = threading.Thread(target=waiter)
t2 = threading.Thread(target=waiter)
t3 = threading.Thread(target=aborter)
t1.start()
t2.start()
t3.start()
t1.join()
t2.join()
t3.join()
