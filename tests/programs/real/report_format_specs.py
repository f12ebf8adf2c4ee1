import threading
import random

random.seed(42)
lock = threading.Lock()
sales = {}

def simulate_region(region, n):
    rng = random.Random(hash(region) % 1000 if False else len(region))
    total = 0.0
    units = 0
    for _ in range(n):
        units += rng.randint(1, 20)
        total += rng.uniform(5, 500)
    with lock:
        sales[region] = (units, total)

regions = ["North", "South", "East", "West", "Central"]
threads = [threading.Thread(target=simulate_region, args=(r, 10 + i)) for i, r in enumerate(regions)]
for t in threads:
    t.start()
for t in threads:
    t.join()

print("=" * 44)
print(f"{'Region':<10}|{'Units':>8}|{'Revenue':>14}|{'Share':>8}")
print(f"{'-' * 10}+{'-' * 8}+{'-' * 14}+{'-' * 8}")
grand = sum(v[1] for v in sales.values())
for region in sorted(sales, key=lambda r: sales[r][1], reverse=True):
    units, total = sales[region]
    print(f"{region:<10}|{units:>8,}|{total:>14,.2f}|{total / grand:>8.1%}")
print("=" * 44)
print(f"{'TOTAL':<10}|{sum(u for u, _ in sales.values()):>8,}|{grand:>14,.2f}|{1:>8.0%}")
width, prec = 12, 3
print(f"[{grand:{width}.{prec}f}] [{grand:^{width}.1e}] [{'x':{'*'}^{width}}]")
print("{:>8} {:<8} {:^8}|".format("right", "left", "mid"))
print("{0}-{1}-{0} {name}".format("a", "b", name="kw"))
print("%-6s|%6.2f|%03d|%x|%r" % ("pct", 3.14159, 7, 255, "q"))
print("%(a)s and %(b)05.1f" % {"a": "dict", "b": 2.25})
print(f"{1234567:_}", f"{0.000123:.2e}", f"{-3.5:+08.2f}", f"{42:#010b}", f"{3.0:g}", f"{1e20:g}")
print(f"{'abc'!r:>8}", f"{'tab':\u2500^9}", f"{65:c}", f"{0xff:X}", f"{-17:o}")
print(format(1234.5, ",.1f"), format(0.5, ".0%"), format(10, "e"), format(123, "+"))
print(round(2.675, 2), round(0.5), round(1.5), round(-2.5), round(1234.5678, -2), divmod(-7, 2))
print(1 / 3, 2 / 3, 0.1 + 0.2, 1e16, 1e-5, 123456789012345678 * 10 ** 5, float("inf"), -0.0)
print(str(10 ** 20 / 3), 7 // -2, -7 % 3, 2 ** -1, int("  42 "), int("ff", 16), hex(-255))
