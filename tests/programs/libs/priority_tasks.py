import queue
import threading

pq = queue.PriorityQueue()
tasks = [(3, "write report"), (1, "fix outage"), (2, "review PR"), (5, "lunch"), (4, "email")]
for prio, desc in tasks:
    pq.put((prio, desc))

done_order = []
lock = threading.Lock()

def handle():
    while not pq.empty():
        try:
            prio, desc = pq.get_nowait()
        except queue.Empty:
            break
        with lock:
            done_order.append(desc)
        pq.task_done()

t = threading.Thread(target=handle)
t.start()
t.join()
for rank, desc in enumerate(done_order, start=1):
    print(f"{rank}. {desc}")
print("empty?", pq.empty(), "size:", pq.qsize())
