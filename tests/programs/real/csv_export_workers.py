import csv
import random
import threading

random.seed(7)
STATIONS = ["north", "south", "east", "west"]
readings = {s: [round(random.uniform(-5, 30), 1) for _ in range(6)] for s in STATIONS}
lock = threading.Lock()
OUTFILE = "weather_summary.csv"


def summarize(station, values, writer):
    row = {
        "station": station,
        "min": min(values),
        "max": max(values),
        "mean": round(sum(values) / len(values), 2),
    }
    with lock:
        writer.writerow(row)


with open(OUTFILE, "w", newline="") as f:
    writer = csv.DictWriter(f, fieldnames=["station", "min", "max", "mean"])
    writer.writeheader()
    threads = [threading.Thread(target=summarize, args=(s, readings[s], writer))
               for s in STATIONS]
    for t in threads:
        t.start()
        t.join()

with open(OUTFILE, newline="") as f:
    rows = list(csv.DictReader(f))

print(f"{len(rows)} rows written to {OUTFILE}")
for row in sorted(rows, key=lambda r: float(r["mean"]), reverse=True):
    print(f"{row['station']:<6} min={row['min']:>5} max={row['max']:>5} mean={row['mean']}")
