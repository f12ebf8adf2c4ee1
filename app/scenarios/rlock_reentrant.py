# title: RLock: the same thread may acquire it again
# idea: outer() holds the RLock and calls inner(), which acquires it again; an RLock allows that.
# explain: An RLock remembers its owner and a recursion count. When the owner acquires it again the count goes up instead of blocking. Each release lowers the count, and only when it reaches zero does the lock become free for other threads. So while one thread is anywhere inside outer(), the other thread cannot enter, not even into inner(). Real CPython prints "Inside inner" twice and then "done", and so does every schedule: it never deadlocks.
# challenge: Interleave the threads: while one thread is inside inner(), try to get the other one in. Watch it wait until the owner's count drops back to zero. No schedule deadlocks.
# goal: not deadlock
# goal_for: every schedule
# order: 30
# primitive: RLock
# difficulty: easy
# lesson: An RLock counts its owner's acquires: the same thread may take it again, others wait until the count is back to 0.

import threading

rlock = threading.RLock()

def outer():
    with rlock:
        inner()  # same thread acquires rlock again — OK with RLock

def inner():
    with rlock:
        print("Inside inner")

threads = [threading.Thread(target=outer) for _ in range(2)]
for t in threads: t.start()
for t in threads: t.join()
print("done")
