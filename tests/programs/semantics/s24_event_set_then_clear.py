# S24: Event; one thread wait()s, another set()s and immediately clear()s.
import threading

ev = threading.Event()
wait_returned = []


def waiter():
    wait_returned.append(ev.wait())


def setter():
    ev.set()
    ev.clear()


t1 = threading.Thread(target=waiter)
t2 = threading.Thread(target=setter)
t1.start()
t2.start()
t1.join()
t2.join()
flag = ev.is_set()
