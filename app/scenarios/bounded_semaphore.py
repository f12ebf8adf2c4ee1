# title: BoundedSemaphore: an extra release() raises ValueError
# idea: A release() without a matching acquire() is a bug; a BoundedSemaphore makes it loud instead of silently adding a permit.
# explain: BoundedSemaphore(5) remembers its initial value, and release() raises "ValueError: Semaphore released too many times" if it would push the count above 5. A plain Semaphore would silently grow to 6 permits and hide the bug. buggy_cleanup() releases a permit it never acquired, so one of the two release() calls in this program must fail. The check looks only at the count, not at who acquired: if the bad release runs while the worker holds its permit, it succeeds, and the worker's own correct release is the one that raises. Real CPython usually runs the worker to the end first, so it prints "worker done" and the ValueError is raised in the buggy thread.
# challenge: Make the innocent worker take the blame: let buggy_cleanup() release while the worker holds its permit, so the ValueError is raised in the worker and "worker done" is never printed.
# goal: "ValueError" in errors and "worker done" not in output
# order: 60
# primitive: BoundedSemaphore
# difficulty: medium
# lesson: A BoundedSemaphore turns an extra `release()` into a ValueError, but it may be raised in the wrong thread.

import threading

pool = threading.BoundedSemaphore(5)

def work(): pass

def worker():
    with pool:
        work()
    print("worker done")

def buggy_cleanup():
    pool.release()  # bug: releases a permit it never acquired
    print("cleanup done")

threads = [threading.Thread(target=worker, name="worker"),
           threading.Thread(target=buggy_cleanup, name="buggy_cleanup")]
for t in threads: t.start()
for t in threads: t.join()
print("main done")
