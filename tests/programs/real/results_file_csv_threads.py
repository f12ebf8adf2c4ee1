import os
import threading

results = []
lock = threading.Lock()


def compute(city, temps):
    avg = sum(temps) / len(temps)
    with lock:
        results.append((city, min(temps), max(temps), avg))


data = {
    "Oslo": [-3, 0, 2, 5],
    "Cairo": [22, 25, 28, 30],
    "Lima": [15, 17, 19, 18],
}
threads = [threading.Thread(target=compute, args=(c, t)) for c, t in data.items()]
for t in threads:
    t.start()
for t in threads:
    t.join()

path = os.path.join("output", "summary.csv")
print("would write to", path, "basename:", os.path.basename(path))
with open("summary.csv", "w") as out:
    out.write("city,min,max,avg\n")
    for city, lo, hi, avg in sorted(results):
        out.write(f"{city},{lo},{hi},{avg:.1f}\n")

with open("summary.csv") as f:
    header = f.readline().strip().split(",")
    rows = [line.strip().split(",") for line in f]
print(header)
for row in rows:
    print(dict(zip(header, row)))
