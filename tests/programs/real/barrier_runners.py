import random
import threading
import time

barrier = threading.Barrier(3)
finish_lock = threading.Lock()
finish_order = []


def racer(name):
    print(f"{name} is at the starting line")
    barrier.wait()
    time.sleep(random.random() * 0.2)
    with finish_lock:
        finish_order.append(name)


names = ["Tortoise", "Hare", "Fox"]
threads = [threading.Thread(target=racer, args=(n,)) for n in names]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("Finishing order:", finish_order)
print("Winner:", finish_order[0])
