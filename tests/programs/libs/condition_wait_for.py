import threading

items = []
cond = threading.Condition()


def consumer(name, results):
    with cond:
        cond.wait_for(lambda: len(items) >= 3)
        results.append(name)


def producer():
    for i in range(3):
        with cond:
            items.append(i)
            cond.notify_all()


results = []
cs = [threading.Thread(target=consumer, args=(f"c{i}", results)) for i in range(2)]
for c in cs:
    c.start()
p = threading.Thread(target=producer)
p.start()
p.join()
for c in cs:
    c.join()
print(sorted(results), items)
with cond:
    print(cond.wait_for(lambda: False, timeout=0.01))
