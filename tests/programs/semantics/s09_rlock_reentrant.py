# S9: two threads, each `with r: with r: counter += 1` on an RLock.
import threading

counter = 0
r = threading.RLock()


def worker():
    global counter
    with r:
        with r:
            counter += 1


t1 = threading.Thread(target=worker)
t2 = threading.Thread(target=worker)
t1.start()
t2.start()
t1.join()
t2.join()
# Nobody owns the RLock any more, so a non-blocking acquire succeeds.
free_at_end = r.acquire(False)
