import io
import threading

reports = {}
lock = threading.Lock()


def inventory_report(store, items):
    buf = io.StringIO()
    print(f"== {store} ==", file=buf)
    total = 0
    for name, qty, price in items:
        print(f"{name:<8}{qty:>4} x {price:>6.2f}", file=buf)
        total += qty * price
    print(f"{'total':<8}{total:>15.2f}", file=buf)
    with lock:
        reports[store] = buf.getvalue()


stores = {
    "Uptown": [("apples", 10, 0.5), ("pears", 4, 0.75)],
    "Downtown": [("bread", 3, 2.25), ("milk", 6, 1.1), ("eggs", 12, 0.2)],
}
threads = [threading.Thread(target=inventory_report, args=item) for item in stores.items()]
for t in threads:
    t.start()
for t in threads:
    t.join()

for store in sorted(reports):
    print(reports[store], end="")
    print(f"({len(reports[store].splitlines())} lines)")
