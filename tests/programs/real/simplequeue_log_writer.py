import queue
import threading
import random

random.seed(42)
log_queue = queue.SimpleQueue()
STOP = object()


def writer(lines):
    while True:
        record = log_queue.get()
        if record is STOP:
            break
        lines.append(f"{record['thread']:<8} | {record['msg']}")


def service(name, n):
    for i in range(n):
        value = random.randint(1, 100)
        log_queue.put({"thread": name, "msg": f"request {i} took {value} ms"})


lines = []
w = threading.Thread(target=writer, args=(lines,))
w.start()
services = [threading.Thread(target=service, args=(f"svc-{k}", 3), name=f"svc-{k}") for k in range(3)]
for s in services:
    s.start()
    s.join()
log_queue.put(STOP)
w.join()
print("\n".join(lines))
print("empty:", log_queue.empty(), "size:", log_queue.qsize())
try:
    log_queue.get(block=False)
except queue.Empty:
    print("SimpleQueue is empty")
