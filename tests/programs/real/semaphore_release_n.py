import threading
import time

gate = threading.Semaphore(0)
passed = []
lock = threading.Lock()


def visitor(i):
    gate.acquire()
    with lock:
        passed.append(i)


threads = [threading.Thread(target=visitor, args=(i,)) for i in range(5)]
for t in threads:
    t.start()
time.sleep(0.05)
gate.release(3)
time.sleep(0.05)
print("after release(3):", len(passed))
gate.release(2)
for t in threads:
    t.join()
print("all passed:", sorted(passed))
print(gate.acquire(timeout=0.01))
