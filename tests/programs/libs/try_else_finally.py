import threading

counter = 0
lock = threading.Lock()


def make_incrementer(step):
    total = 0

    def inc(times):
        nonlocal total
        global counter
        for _ in range(times):
            total += step
            with lock:
                counter += step
        return total

    return inc


def safe_div(a, b):
    try:
        result = a / b
    except ZeroDivisionError as exc:
        print("error:", exc)
        return None
    else:
        print("ok:", result)
        return result
    finally:
        print("finally for", a, b)


incs = [make_incrementer(s) for s in (1, 2, 3)]
threads = [threading.Thread(target=f, args=(100,)) for f in incs]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("counter =", counter)
safe_div(10, 4)
safe_div(1, 0)
while (n := counter // 100) > 5:
    print("n =", n)
    break
