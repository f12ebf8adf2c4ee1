import threading
from collections import deque

recent = deque(maxlen=5)
lock = threading.Lock()


def log_event(source, count):
    for i in range(count):
        with lock:
            recent.append(f"{source}:{i}")


threads = [threading.Thread(target=log_event, args=(s, 4)) for s in ("web", "db")]
for t in threads:
    t.start()
    t.join()
print(list(recent), recent.maxlen, len(recent))
recent.appendleft("first")
print(recent)
recent.rotate(2)
print(recent[0], recent[-1])
recent.extend(range(3))
print(recent)
print(recent.popleft(), recent.pop(), recent.count(0))
