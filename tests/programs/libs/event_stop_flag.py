import threading
import time

stop_event = threading.Event()
ticks = []


def heartbeat(interval):
    count = 0
    while not stop_event.is_set():
        count += 1
        ticks.append(count)
        stop_event.wait(interval)
    print(f"heartbeat stopped after {count} beats")


t = threading.Thread(target=heartbeat, args=(0.1,))
t.start()
time.sleep(0.35)
stop_event.set()
t.join()
print("beats recorded:", len(ticks) >= 1)
print("event set?", stop_event.is_set())
