import threading
import time
from datetime import datetime, timedelta

start = datetime(2024, 1, 1, 9, 0, 0)
schedule = {}
lock = threading.Lock()


def plan(name, minutes):
    when = start + timedelta(minutes=minutes)
    with lock:
        schedule[name] = when


threads = [threading.Thread(target=plan, args=(n, m)) for n, m in
           [("standup", 15), ("review", 90), ("lunch", 180)]]
for t in threads:
    t.start()
for t in threads:
    t.join()
for name, when in sorted(schedule.items(), key=lambda kv: kv[1]):
    print(f"{when:%H:%M} {name}")
print(schedule["lunch"] - schedule["standup"], (schedule["review"] - start).total_seconds())
print(start.strftime("%Y-%m-%d %A"), start.isoformat(), start.weekday())
print(time.strftime("%H:%M:%S", time.gmtime(3661)))
