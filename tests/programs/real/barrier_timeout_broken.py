import threading
import time

barrier = threading.Barrier(3, timeout=0.2)


def worker(name, delay):
    time.sleep(delay)
    try:
        barrier.wait()
        print(f"{name} passed")
    except threading.BrokenBarrierError:
        print(f"{name}: barrier broken")


threads = [threading.Thread(target=worker, args=(n, d)) for n, d in
           [("fast", 0.0), ("slow", 0.5)]]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("broken?", barrier.broken)
barrier.reset()
print("after reset broken?", barrier.broken)

b2 = threading.Barrier(2)


def waiter():
    try:
        b2.wait()
    except threading.BrokenBarrierError as e:
        print("aborted:", repr(e))


t = threading.Thread(target=waiter)
t.start()
time.sleep(0.1)
b2.abort()
t.join()
