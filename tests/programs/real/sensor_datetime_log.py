import threading
from datetime import datetime, timedelta, date
import random
import json

start = datetime(2024, 3, 15, 8, 30, 0)
rng = random.Random(2024)
entries = []
lock = threading.Lock()

def sensor(name, offset_minutes, readings):
    stamp = start + timedelta(minutes=offset_minutes)
    for i in range(readings):
        value = round(rng.uniform(18.0, 26.0), 1) if name != "door" else rng.choice([True, False])
        with lock:
            entries.append({"sensor": name, "at": stamp, "value": value})
        stamp += timedelta(minutes=15, seconds=30 * i)

threads = [threading.Thread(target=sensor, args=args) for args in (("kitchen", 0, 3), ("door", 5, 2), ("attic", 2, 3))]
for t in threads:
    t.start()
    t.join()

entries.sort(key=lambda e: (e["at"], e["sensor"]))
for e in entries:
    print(f"{e['at']:%Y-%m-%d %H:%M:%S} | {e['sensor']:<8} | {e['value']!s:>5}")
first, last = entries[0]["at"], entries[-1]["at"]
span = last - first
print(span, span.total_seconds(), span // timedelta(minutes=1), f"{span.seconds // 60} min")
print(first.isoformat(), last.strftime("%A %d %B %Y, %I:%M %p"), first.date(), first.time())
print(date(2024, 2, 28) + timedelta(days=1), (date(2024, 12, 25) - date(2024, 3, 15)).days)
print(first.replace(hour=0, minute=0) < first, first.weekday(), first.isoweekday(), first.year)
temps = [e["value"] for e in entries if isinstance(e["value"], float)]
print(f"{min(temps):.1f} .. {max(temps):.1f}, mean {sum(temps) / len(temps):.2f}")
payload = json.dumps([{**e, "at": e["at"].isoformat()} for e in entries[:2]], indent=2)
print(payload)
back = json.loads(payload)
print(back[0]["sensor"], datetime.fromisoformat(back[0]["at"]) == entries[0]["at"])
print(datetime.strptime("2024-03-15 09:45", "%Y-%m-%d %H:%M") - start)
