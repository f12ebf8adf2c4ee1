# S18: the waiter calls wait() with no predicate; the notifier sets a flag and notifies.
import threading

cond = threading.Condition()
flag = False


def waiter():
    with cond:
        cond.wait()


def notifier():
    global flag
    with cond:
        flag = True
        cond.notify()


t1 = threading.Thread(target=waiter)
t2 = threading.Thread(target=notifier)
t1.start()
t2.start()
t1.join()
t2.join()
