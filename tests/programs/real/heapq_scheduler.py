import heapq
import threading
import time

events = []
lock = threading.Lock()
counter = 0


def schedule(delay, name):
    global counter
    with lock:
        counter += 1
        heapq.heappush(events, (delay, counter, name))


threads = [threading.Thread(target=schedule, args=(d, n)) for d, n in
           [(0.3, "email"), (0.1, "sms"), (0.2, "push"), (0.1, "log")]]
for t in threads:
    t.start()
for t in threads:
    t.join()
start = time.monotonic()
while events:
    delay, _, name = heapq.heappop(events)
    time.sleep(max(0, delay - (time.monotonic() - start)))
    print(f"t={delay:.1f} run {name}")
print(heapq.nsmallest(2, [5, 1, 4, 2]), heapq.nlargest(1, [5, 1, 4]))
