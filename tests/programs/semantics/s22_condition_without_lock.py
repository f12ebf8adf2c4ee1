# S22: notify() and wait() called without holding the condition's lock.
import threading

cond = threading.Condition()


def notifier():
    cond.notify()


def waiter():
    cond.wait()


t1 = threading.Thread(target=notifier)
t2 = threading.Thread(target=waiter)
t1.start()
t2.start()
t1.join()
t2.join()
