import threading
import time

cond = threading.Condition()
tickets = 0
served = []


def customer(name):
    global tickets
    with cond:
        while tickets == 0:
            cond.wait()
        tickets -= 1
        served.append(name)


customers = [threading.Thread(target=customer, args=(f"c{i}",)) for i in range(5)]
for c in customers:
    c.start()
time.sleep(0.1)
with cond:
    tickets += 2
    cond.notify(2)
time.sleep(0.1)
print("served after notify(2):", len(served))
with cond:
    tickets += 3
    cond.notify_all()
for c in customers:
    c.join()
print("served:", sorted(served), "tickets left:", tickets)
try:
    cond.notify()
except RuntimeError as e:
    print("RuntimeError:", e)
