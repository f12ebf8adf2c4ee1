import threading
import random

random.seed(3)
tickets_available = 20
sem = threading.Semaphore()
sold_by = {}


def seller(name):
    global tickets_available
    sold = 0
    while True:
        sem.acquire()
        if tickets_available <= 0:
            sem.release()
            break
        tickets_available -= 1
        sold += 1
        sem.release()
    sold_by[name] = sold


sellers = []
for i in range(4):
    s = threading.Thread(target=seller, args=("Seller-%d" % (i + 1),))
    sellers.append(s)
    s.start()
for s in sellers:
    s.join()
print("Total sold:", sum(sold_by.values()))
print("Tickets left:", tickets_available)
print("Sellers:", ", ".join(sorted(sold_by)))
