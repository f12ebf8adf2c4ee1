import threading
import time

stock = 0
cond = threading.Condition()


def consumer(name, wanted):
    with cond:
        ok = cond.wait_for(lambda: stock >= wanted, timeout=1.0)
        if ok:
            take(name, wanted)
        else:
            print(f"{name} gave up")


def take(name, wanted):
    global stock
    stock -= wanted
    print(f"{name} took {wanted}, left {stock}")


def producer():
    global stock
    for _ in range(3):
        time.sleep(0.1)
        with cond:
            stock += 2
            print("stock now", stock)
            cond.notify_all()


c = threading.Thread(target=consumer, args=("buyer", 5))
p = threading.Thread(target=producer)
c.start()
p.start()
c.join()
p.join()
with cond:
    print("wait_for returns the predicate:", cond.wait_for(lambda: "ready", 0.1))
    print("timed out:", cond.wait_for(lambda: 0, timeout=0.05))
