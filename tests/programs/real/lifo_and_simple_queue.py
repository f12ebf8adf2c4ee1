import queue
import threading

stack = queue.LifoQueue(maxsize=3)
for page in ["home", "about", "contact"]:
    stack.put(page)
print("full:", stack.full(), "size:", stack.qsize())
try:
    stack.put("extra", block=False)
except queue.Full:
    print("stack is full")
while not stack.empty():
    print("back to", stack.get())

sq = queue.SimpleQueue()


def producer():
    for i in range(3):
        sq.put(i)
    sq.put(None)


threading.Thread(target=producer).start()
while (item := sq.get()) is not None:
    print("simple got", item)
print("empty:", sq.empty(), "size:", sq.qsize())
try:
    sq.get(timeout=0.05)
except queue.Empty:
    print("Empty after timeout")
