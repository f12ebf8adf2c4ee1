import threading
import time

condition = threading.Condition()
data_ready = False
received = []


def waiter(n):
    with condition:
        while not data_ready:
            condition.wait()
        received.append(n)


def announcer():
    global data_ready
    time.sleep(0.1)
    with condition:
        data_ready = True
        print("announcer: data is ready, notifying everyone")
        condition.notify_all()


waiters = [threading.Thread(target=waiter, args=(i,)) for i in range(4)]
for w in waiters:
    w.start()
a = threading.Thread(target=announcer)
a.start()
a.join()
for w in waiters:
    w.join()
print("woken waiters:", sorted(received))
