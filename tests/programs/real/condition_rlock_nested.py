import threading

lock = threading.RLock()
cond = threading.Condition(lock)
items = []


def producer():
    for i in range(3):
        with lock:
            with cond:
                items.append(i)
                cond.notify()


def consumer(out):
    for _ in range(3):
        with cond:
            while not items:
                cond.wait()
            out.append(items.pop(0))


got = []
c = threading.Thread(target=consumer, args=(got,))
p = threading.Thread(target=producer)
c.start()
p.start()
c.join()
p.join()
print("consumed:", got)
try:
    cond.wait(0.1)
except RuntimeError as e:
    print("RuntimeError:", e)
print(cond.acquire(), cond.acquire(False))
cond.release()
cond.release()
