# S20: two threads are both in wait(); the notifier calls notify() (n=1) once.
import threading

cond = threading.Condition()
ready = threading.Semaphore(0)  # released by each waiter just before it waits
wait_order = []
woken = []


def waiter(i):
    with cond:
        wait_order.append(i)
        ready.release()
        cond.wait()
        woken.append(i)


def notifier():
    ready.acquire()
    ready.acquire()
    # Both waiters held cond while releasing `ready`, so once we hold it both are waiting.
    with cond:
        cond.notify()


t1 = threading.Thread(target=waiter, args=(1,))
t2 = threading.Thread(target=waiter, args=(2,))
t3 = threading.Thread(target=notifier)
t1.start()
t2.start()
t3.start()
t1.join()
t2.join()
t3.join()
