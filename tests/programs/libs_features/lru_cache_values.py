import threading
from functools import lru_cache, cache
import time

@lru_cache(maxsize=2)
def slow_square(n):
    return n * n

@cache
def waits(n):
    time.sleep(0.1)
    return n

t = threading.Thread(target=slow_square, args=(3,))
t.start(); t.join()
for n in [1, 2, 1, 3, 1, 2]:
    slow_square(n)
print(slow_square.cache_info(), slow_square(5), slow_square.__name__)
print(slow_square(n=4), slow_square.cache_info().currsize)
try:
    slow_square([1])
except TypeError as e:
    print(e)
try:
    waits(1)
except RuntimeError as e:
    print("RuntimeError")
