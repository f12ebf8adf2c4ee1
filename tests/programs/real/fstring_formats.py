import threading

results = {}
lock = threading.Lock()


def compute(name, value):
    with lock:
        results[name] = value


data = {"alpha": 3.14159, "beta": 2.5e-3, "gamma": 1234567.891, "delta": -42}
threads = [threading.Thread(target=compute, args=item) for item in data.items()]
for t in threads:
    t.start()
for t in threads:
    t.join()

for name, value in sorted(results.items()):
    print(f"{name!r:>10} | {value:>12.3f} | {value:e} | {value:,.2f} | {value!s:<12}|")
print(f"{'total':^20}")
print(f"{sum(results.values()):_.1f}", f"{255:#x}", f"{255:08b}", f"{0.25:.0%}")
t = threads[0]
print(f"{t.name=}", f"{len(results)=}")
print(f"{'nested ' + str(len(data)):*>15}")
