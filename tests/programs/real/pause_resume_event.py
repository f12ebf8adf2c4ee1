import threading
import time

running = threading.Event()
running.set()
stop = threading.Event()
progress = []


def worker():
    step = 0
    while not stop.is_set():
        running.wait()
        step += 1
        progress.append(step)
        time.sleep(0.05)
    print("worker stopped at step", step)


t = threading.Thread(target=worker)
t.start()
time.sleep(0.12)
running.clear()
print("paused after", len(progress), "steps")
time.sleep(0.2)
print("still", len(progress), "steps while paused")
running.set()
time.sleep(0.12)
stop.set()
t.join()
print("total steps:", len(progress))
