import threading

sales = {"north": 1234567.891, "south": 98765.4, "east": 5000, "west": 0.5}
report = []
lock = threading.Lock()


def summarize(region, amount):
    line = "{:<8}|{:>15,.2f}|{:>6.1%}".format(region, amount, amount / sum(sales.values()))
    with lock:
        report.append(line)


threads = [threading.Thread(target=summarize, args=kv) for kv in sales.items()]
for t in threads:
    t.start()
for t in threads:
    t.join()
for line in sorted(report):
    print(line)
print("%-6s %5d %8.3f %s" % ("x", 42, 3.14159, [1, 2]))
print(f"{'centered':^20}|{42:08.2f}|{255:#x}|{255:b}|{1e6:.2e}|{7:03d}")
print(", ".join(str(n) for n in range(5)))
q, r = divmod(17, 5)
print(q, r, round(2.675, 2), round(7.5), min([], default=None), max([3, 9, 2]))
print(any(x > 8 for x in [1, 9]), all([]), abs(-3), pow(2, 10))
print(list(zip("abc", range(3))), dict(zip(["x", "y"], [1, 2])))
