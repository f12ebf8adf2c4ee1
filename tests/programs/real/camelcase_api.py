import threading
import time


def work():
    me = threading.currentThread()
    print("running in", me.getName())
    time.sleep(0.05)


t = threading.Thread(target=work)
t.setName("Legacy-1")
t.setDaemon(False)
print("daemon:", t.isDaemon())
t.start()
t.join()

print("active threads:", threading.activeCount())
print("main thread name:", threading.currentThread().getName())
e = threading.Event()
e.set()
print("event set:", e.isSet())
