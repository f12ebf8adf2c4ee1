import queue
import threading
import time

buffer = queue.Queue(maxsize=2)
print(f"maxsize={buffer.maxsize} empty={buffer.empty()} full={buffer.full()}")

buffer.put("a")
buffer.put_nowait("b")
print("qsize:", buffer.qsize(), "full:", buffer.full())

try:
    buffer.put("c", timeout=0.1)
except queue.Full:
    print("queue.Full raised after timeout")

try:
    buffer.put("c", block=False)
except queue.Full as exc:
    print("put(block=False) ->", type(exc).__name__, repr(str(exc)))

print("got", buffer.get(), buffer.get_nowait())

try:
    buffer.get(timeout=0.05)
except queue.Empty:
    print("queue.Empty raised after timeout")


def late_producer():
    time.sleep(0.2)
    buffer.put("late item")


t = threading.Thread(target=late_producer)
t.start()
try:
    print("waiting 0.05s:", buffer.get(timeout=0.05))
except queue.Empty:
    print("nothing within 0.05s")
print("waiting 1s:", buffer.get(timeout=1))
t.join()

try:
    buffer.get(True, -1)
except ValueError as e:
    print("ValueError:", e)
print(issubclass(queue.Full, Exception), queue.Empty.__name__)
