from multiprocessing.pool import ThreadPool
import threading
import time

results = []
errors = []
lock = threading.Lock()


def slow_square(n):
    time.sleep(0.01 * (5 - n))
    if n == 3:
        raise ValueError("three is not allowed")
    return n * n


def on_result(value):
    with lock:
        results.append(value)


def on_error(exc):
    with lock:
        errors.append(repr(exc))


with ThreadPool(processes=3) as pool:
    pending = [pool.apply_async(slow_square, (n,), callback=on_result, error_callback=on_error)
               for n in range(5)]
    for p in pending:
        p.wait()
    print("ready:", all(p.ready() for p in pending), "ok:", [p.successful() for p in pending])
    print(sorted(pool.imap_unordered(abs, [-3, 2, -1])))
    print(pool.starmap(divmod, [(7, 2), (9, 4)]))
    print(list(pool.imap(str.upper, ["a", "b"])))

print(sorted(results), errors)
