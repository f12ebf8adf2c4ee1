import sys
import threading
import time


def quitter():
    print("quitter starting")
    sys.exit(3)
    print("not reached")


def worker():
    time.sleep(0.05)
    print("worker finished normally")


t1 = threading.Thread(target=quitter)
t2 = threading.Thread(target=worker)
t1.start()
t2.start()
t1.join()
t2.join()
print("both joined; main alive:", threading.main_thread().is_alive())
try:
    sys.exit("bye")
except SystemExit as e:
    print("caught SystemExit:", e.code)
print("end")
