import queue
import threading

q = queue.Queue()


def consumer(name):
    while True:
        try:
            item = q.get()
        except queue.ShutDown:
            print(f"{name}: queue shut down")
            return
        print(f"{name} got {item}")
        q.task_done()


t = threading.Thread(target=consumer, args=("c1",))
t.start()
for i in range(3):
    q.put(i)
q.join()
q.shutdown()
t.join()
try:
    q.put(99)
except queue.ShutDown:
    print("put after shutdown raises ShutDown")
print("is_shutdown:", q.is_shutdown)
