# S6: one thread takes A then B, the other B then A; each then increments.
import threading

counter = 0
lock_a = threading.Lock()
lock_b = threading.Lock()


def a_then_b():
    global counter
    with lock_a:
        with lock_b:
            counter += 1


def b_then_a():
    global counter
    with lock_b:
        with lock_a:
            counter += 1


t1 = threading.Thread(target=a_then_b)
t2 = threading.Thread(target=b_then_a)
t1.start()
t2.start()
t1.join()
t2.join()
