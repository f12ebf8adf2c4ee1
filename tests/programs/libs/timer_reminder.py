import threading
import time


def remind(msg):
    print("Reminder:", msg)


t1 = threading.Timer(0.2, remind, args=["stretch"])
t2 = threading.Timer(0.1, remind, kwargs={"msg": "drink water"})
t3 = threading.Timer(0.3, remind, ["never"])
t1.start(); t2.start(); t3.start()
t3.cancel()
t1.join(); t2.join()
print("timers finished", t3.is_alive() if False else "")
time.sleep(0.01)
