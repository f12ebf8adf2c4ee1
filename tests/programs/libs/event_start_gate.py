import threading
import time

start_gate = threading.Event()
finish_order = []
order_lock = threading.Lock()


def racer(name, speed):
    print(f"{name} ready")
    start_gate.wait()
    time.sleep(1 / speed)
    with order_lock:
        finish_order.append(name)


racers = {"Tortoise": 2, "Hare": 10, "Snail": 1}
threads = [threading.Thread(target=racer, args=(n, s)) for n, s in racers.items()]
for t in threads:
    t.start()
time.sleep(0.1)
print("Go!")
start_gate.set()
for t in threads:
    t.join()
for place, name in enumerate(finish_order, 1):
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(place, "th")
    print(f"{place}{suffix}: {name}")
print("was the gate waited for:", start_gate.wait(0))
