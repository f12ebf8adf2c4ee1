import threading
import time


def long_task():
    print("long task: starting")
    time.sleep(0.4)
    print("long task: done")


worker = threading.Thread(target=long_task, name="LongTask")
worker.start()

worker.join(timeout=0.1)
if worker.is_alive():
    print("still running after 0.1s, doing other work")

worker.join(timeout=0.1)
print("alive after another 0.1s:", worker.is_alive())

worker.join()
print("alive after a full join:", worker.is_alive())
print("finished:", worker.name)
