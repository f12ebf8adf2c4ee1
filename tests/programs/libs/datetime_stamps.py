import threading
import time
from datetime import datetime, timedelta

def worker(n):
    started = datetime.now()
    time.sleep(0.1)
    finished = datetime.now()
    took = finished - started
    print(f"worker {n} started {started.strftime('%H:%M:%S')} took {took.total_seconds() >= 0}")

threads = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
deadline = datetime.now() + timedelta(seconds=5)
print("deadline later than now:", deadline > datetime.now())
d = timedelta(minutes=2, seconds=30)
print(d, d.total_seconds())
print(timedelta(days=1, hours=3) - timedelta(hours=4))
