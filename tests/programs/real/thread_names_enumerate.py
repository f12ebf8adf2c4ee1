import threading
import time

stop = threading.Event()


def idle():
    stop.wait()


print("main thread:", threading.main_thread().name)
print("active at start:", threading.active_count())
helpers = []
for i in range(3):
    t = threading.Thread(target=idle, name=f"helper-{i}")
    helpers.append(t)
    t.start()

time.sleep(0.05)
print("active now:", threading.active_count())
print("names:", sorted(t.name for t in threading.enumerate()))
stop.set()
for t in helpers:
    t.join()
print("active at end:", threading.active_count())
print("is main:", threading.current_thread() is threading.main_thread())
