# S21: Condition over an RLock; the waiter holds the RLock twice, then wait()s; the notifier
# acquires the lock and notifies.
import threading

r = threading.RLock()
cond = threading.Condition(r)
ready = threading.Event()
recursion_count = 0


def waiter():
    global recursion_count
    r.acquire()
    r.acquire()
    ready.set()
    cond.wait()
    # Count how many times the lock can be released after the wait.
    try:
        while True:
            r.release()
            recursion_count += 1
    except RuntimeError:
        pass


def notifier():
    ready.wait()
    with cond:
        cond.notify()


t1 = threading.Thread(target=waiter)
t2 = threading.Thread(target=notifier)
t1.start()
t2.start()
t1.join()
t2.join()
