import functools
import threading
from functools import lru_cache, partial


@lru_cache(maxsize=None)
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


@functools.lru_cache
def square(x):
    return x * x


@functools.cache
def cube(x):
    return x ** 3


results = [None] * 4


def compute(index, n, scale=1):
    results[index] = fib(n) * scale


threads = [threading.Thread(target=partial(compute, i, 10 * (i + 1), scale=2)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(results)
print(square(4), square(4), cube(3))
print(fib.cache_info())
fib.cache_clear()
print(fib.cache_info().currsize)
