import math
import os
import threading
import time


def is_prime(n):
    if n < 2:
        return False
    for d in range(2, math.isqrt(n) + 1):
        if n % d == 0:
            return False
    return True


def count_primes(lo, hi, out, idx):
    out[idx] = sum(1 for n in range(lo, hi) if is_prime(n))


N = 2000
workers = min(4, os.cpu_count() or 1)
chunk = N // workers
results = [0] * workers
threads = []
for i in range(workers):
    lo, hi = i * chunk, N if i == workers - 1 else (i + 1) * chunk
    threads.append(threading.Thread(target=count_primes, args=(lo, hi, results, i)))
for t in threads:
    t.start()
for t in threads:
    t.join()
print("primes below", N, "=", sum(results))
print(math.factorial(10), math.gcd(12, 18), math.fsum([0.1] * 10), math.pi > 3)
print(divmod(17, 5), f"{2 ** 0.5:.4f}", round(2.675, 2), abs(-3))
