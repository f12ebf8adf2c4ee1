# title: A plain Lock deadlocks on itself
# idea: The RLock program with a plain Lock: the thread blocks forever waiting for a lock it already holds.
# explain: A plain Lock has no owner: it is just locked or unlocked. When inner() calls acquire on the lock that outer() already holds, the lock is locked, so the call blocks. The only thread that could release it is the blocked thread itself, so it waits forever. Real CPython hangs here every time: nothing is printed and t.join() never returns. Use an RLock when a thread may need to take the same lock again.
# challenge: Step the thread into inner() and watch it block on a lock it holds itself: there is nothing to choose.
# goal: deadlock
# order: 40
# primitive: Lock
# difficulty: easy
# lesson: A plain Lock has no owner: acquiring it twice in one thread blocks forever. Use an RLock for re-entry.
import threading

lock = threading.Lock()  # a plain Lock this time, not an RLock

def outer():
    with lock:
        inner()  # same thread acquires lock again — blocks forever

def inner():
    with lock:
        print("Inside inner")

t = threading.Thread(target=outer)
t.start()
t.join()  # never returns
print("done")
