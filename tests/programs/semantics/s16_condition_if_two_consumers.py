# S16: Condition; two consumers use `if not items: wait()`; the producer adds two items,
# notifying after each.
import threading

cond = threading.Condition()
items = []
consumed = 0


def consumer():
    global consumed
    with cond:
        if not items:
            cond.wait()
        items.pop()
        consumed += 1


def producer():
    with cond:
        items.append("item")
        cond.notify()
    with cond:
        items.append("item")
        cond.notify()


t1 = threading.Thread(target=consumer)
t2 = threading.Thread(target=consumer)
t3 = threading.Thread(target=producer)
t1.start()
t2.start()
t3.start()
t1.join()
t2.join()
t3.join()
