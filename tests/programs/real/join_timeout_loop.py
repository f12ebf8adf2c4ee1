import threading
import time


def long_task():
    time.sleep(0.35)


t = threading.Thread(target=long_task, name="long")
t.start()
checks = 0
while True:
    t.join(timeout=0.1)
    checks += 1
    if not t.is_alive():
        break
    print(f"check {checks}: {t.name} still running")
print(f"finished after {checks} checks")
print(t.join(0.01), t.is_alive())
