# S13b: Semaphore(1) used as a mutex, three threads each run a `with sem:` critical section.
import threading

sem = threading.Semaphore(1)
guard = threading.Lock()  # keeps the bookkeeping itself free of races
in_cs = 0
max_in_cs = 0


def worker():
    global in_cs, max_in_cs
    with sem:
        with guard:
            in_cs += 1
            max_in_cs = max(max_in_cs, in_cs)
        with guard:
            in_cs -= 1


t1 = threading.Thread(target=worker)
t2 = threading.Thread(target=worker)
t3 = threading.Thread(target=worker)
t1.start()
t2.start()
t3.start()
t1.join()
t2.join()
t3.join()
# Drain the semaphore to read its value.
final_value = 0
while sem.acquire(False):
    final_value += 1
