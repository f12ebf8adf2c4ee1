import threading
import time
import random

random.seed(7)
CHAIRS = 3
waiting = threading.Semaphore(0)
barber_ready = threading.Semaphore(0)
seats_lock = threading.Lock()
free_seats = CHAIRS
served = []
turned_away = []


def barber():
    global free_seats
    while True:
        waiting.acquire()
        with seats_lock:
            free_seats += 1
        barber_ready.release()
        time.sleep(0.02)


def customer(i):
    global free_seats
    with seats_lock:
        if free_seats == 0:
            turned_away.append(i)
            return
        free_seats -= 1
    waiting.release()
    barber_ready.acquire()
    served.append(i)


b = threading.Thread(target=barber, daemon=True)
b.start()
customers = []
for i in range(8):
    c = threading.Thread(target=customer, args=(i,))
    customers.append(c)
    c.start()
    time.sleep(random.uniform(0, 0.015))
for c in customers:
    c.join()
print("served + turned away =", len(served) + len(turned_away))
