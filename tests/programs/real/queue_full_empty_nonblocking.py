import queue
import threading
import time

buffer = queue.Queue(maxsize=3)
dropped = []
consumed = []


def producer():
    for i in range(8):
        try:
            buffer.put(i, block=False)
        except queue.Full:
            dropped.append(i)
        time.sleep(0.05)


def consumer():
    time.sleep(0.225)
    while True:
        try:
            item = buffer.get(timeout=0.2)
        except queue.Empty:
            break
        consumed.append(item)
        buffer.task_done()


p = threading.Thread(target=producer)
c = threading.Thread(target=consumer)
p.start()
c.start()
p.join()
c.join()
print("consumed:", consumed)
print("dropped:", dropped)
print("full/empty now:", buffer.full(), buffer.empty(), buffer.qsize())
try:
    buffer.get_nowait()
except queue.Empty:
    print("get_nowait on empty raises", queue.Empty.__name__)
