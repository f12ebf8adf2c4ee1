import threading
import time


def alarm(msg):
    print("ALARM:", msg)


t1 = threading.Timer(0.1, alarm, args=("first",))
t2 = threading.Timer(0.3, alarm, kwargs={"msg": "second"})
t1.start()
t2.start()
time.sleep(0.2)
t2.cancel()
print("cancelled second; alive?", t2.is_alive())
t1.join()
t2.join()
print("t1 finished:", t1.finished.is_set(), "t2 finished:", t2.finished.is_set())
t3 = threading.Timer(1, alarm, ["never"])
t3.cancel()
t3.start()
t3.join()
print("t3 ran nothing")
