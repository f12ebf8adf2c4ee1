import threading
import time

green = threading.Event()
log = []
log_lock = threading.Lock()


def record(msg):
    with log_lock:
        log.append(msg)


def traffic_light(cycles):
    for cycle in range(cycles):
        green.clear()
        record(f"light: red (cycle {cycle})")
        time.sleep(0.1)
        green.set()
        record(f"light: green (cycle {cycle})")
        time.sleep(0.1)
    green.set()


def car(name, arrive):
    time.sleep(arrive)
    if green.is_set():
        record(f"{name}: drives through")
        return
    record(f"{name}: waits at red")
    if green.wait(timeout=0.5):
        record(f"{name}: goes on green")
    else:
        record(f"{name}: gave up")


light = threading.Thread(target=traffic_light, args=(2,), name="light")
cars = [threading.Thread(target=car, args=(f"car{i}", d)) for i, d in enumerate([0.05, 0.15, 0.25, 0.35])]
light.start()
for c in cars:
    c.start()
light.join()
for c in cars:
    c.join()
print("\n".join(log))
print("final state green:", green.is_set())
