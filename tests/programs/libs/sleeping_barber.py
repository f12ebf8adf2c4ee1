import threading
import time
import random
from queue import Queue, Full

random.seed(5)
WAITING_CHAIRS = 2
waiting_room = Queue(maxsize=WAITING_CHAIRS)
served, turned_away = [], []
done = threading.Event()


def barber():
    while not (done.is_set() and waiting_room.empty()):
        try:
            customer = waiting_room.get(timeout=0.05)
        except Exception:
            continue
        time.sleep(0.012)  # cutting hair
        served.append(customer)
        waiting_room.task_done()


def customer(n):
    try:
        waiting_room.put_nowait(n)
    except Full:
        turned_away.append(n)


b = threading.Thread(target=barber, name="Barber")
b.start()
for n in range(8):
    threading.Thread(target=customer, args=(n,)).start()
    time.sleep(random.choice([0.005, 0.02]))
waiting_room.join()
done.set()
b.join()
print("served:", sorted(served))
print("turned away:", sorted(turned_away))
print("total:", len(served) + len(turned_away))
