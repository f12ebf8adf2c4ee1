# title: Detecting deadlock with acquire(timeout=...)
# idea: The deadlock program again, but each thread asks for its second lock with a timeout and backs off instead of waiting forever.
# explain: lock.acquire(timeout=5) returns True if it gets the lock within 5 seconds and False otherwise, instead of blocking forever. When each thread holds its first lock and waits for the other's, at least one of them times out and leaves its `with` block, which releases its first lock; the other thread can then take it and finish (unless it times out too). A timeout only detects the deadlock: the thread that gave up did not do its work, so real code must retry or report it, while lock ordering prevents the deadlock in the first place. Real CPython usually prints "gave up: []" because the threads rarely collide; when they do, the program stalls for about 5 seconds until a timeout breaks the cycle.
# challenge: Lead the threads into the deadlock, then let a timeout break it: make at least one thread give up while both still finish.
# goal: len(gave_up) > 0 and not deadlock
# order: 90
# primitive: deadlock
# difficulty: hard
# lesson: `acquire(timeout=...)` detects a deadlock and backs off; lock ordering prevents it.

import threading

lock_a = threading.Lock()
lock_b = threading.Lock()
gave_up = []

def work(): pass

def thread_1():
    with lock_a:
        if lock_b.acquire(timeout=5):
            try:
                work()
            finally:
                lock_b.release()
        else:
            gave_up.append("thread_1")  # probably a deadlock: back off

def thread_2():
    with lock_b:
        if lock_a.acquire(timeout=5):
            try:
                work()
            finally:
                lock_a.release()
        else:
            gave_up.append("thread_2")  # probably a deadlock: back off

threads = [threading.Thread(target=thread_1, name="thread_1"),
           threading.Thread(target=thread_2, name="thread_2")]
for t in threads: t.start()
for t in threads: t.join()
print("gave up:", gave_up)
