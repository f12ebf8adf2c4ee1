import threading
from datetime import date, datetime, timedelta

shifts = []
lock = threading.Lock()
BASE = datetime(2024, 1, 15, 8, 30)


def schedule(worker, offset_days, hours):
    start = BASE + timedelta(days=offset_days)
    end = start + timedelta(hours=hours)
    with lock:
        shifts.append((worker, start, end))


people = [("ana", 0, 8), ("ben", 1, 6.5), ("cy", 2, 10)]
threads = [threading.Thread(target=schedule, args=p) for p in people]
for t in threads:
    t.start()
for t in threads:
    t.join()

for worker, start, end in sorted(shifts, key=lambda s: s[1]):
    span = end - start
    print(f"{worker:<4} {start:%a %d %b %H:%M} -> {end.strftime('%H:%M')} ({span}, {span.total_seconds() / 3600:.1f}h)")
total = sum((e - s for _, s, e in shifts), timedelta())
print("total:", total, "| days:", total.days, "seconds:", total.seconds)
print("weekday:", BASE.weekday(), BASE.date(), date(2024, 2, 29) - date(2024, 1, 1))
print(datetime.strptime("2024-05-06 07:08", "%Y-%m-%d %H:%M").isoformat())
