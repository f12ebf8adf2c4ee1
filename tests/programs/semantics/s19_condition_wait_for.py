# S19: as S18, but the waiter uses wait_for(lambda: flag).
import threading

cond = threading.Condition()
flag = False


def waiter():
    with cond:
        cond.wait_for(lambda: flag)


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
