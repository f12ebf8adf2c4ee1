import functools
import threading
import time


def timed(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        start = time.time()
        result = func(*args, **kwargs)
        print(f"{func.__name__} took {time.time() - start:.3f}s")
        return result
    return wrapper


def slow_task(n):
    time.sleep(0.1)
    return n * 2


@timed
def run_sequential():
    return [slow_task(i) for i in range(4)]


@timed
def run_threaded():
    out = [None] * 4

    def target(i):
        out[i] = slow_task(i)

    threads = [threading.Thread(target=target, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return out


print(run_sequential())
print(run_threaded())
