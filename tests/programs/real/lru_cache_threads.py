import threading
from functools import lru_cache, partial, reduce, wraps


@lru_cache(maxsize=32)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def logged(func):
    @wraps(func)
    def wrapper(*args):
        result = func(*args)
        print(f"{func.__name__}{args} = {result}")
        return result
    return wrapper


@logged
def compute(n):
    return fib(n)


threads = [threading.Thread(target=compute, args=(n,)) for n in (10, 20, 30)]
for t in threads:
    t.start()
    t.join()
info = fib.cache_info()
print(info.hits > 0, info.misses, info.maxsize, info.currsize)
fib.cache_clear()
print(fib.cache_info())
power = partial(pow, exp=2)
print(power(7), reduce(lambda a, b: a * b, range(1, 6)), compute.__name__)
