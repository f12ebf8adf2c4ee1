import concurrent.futures
import math

PRIMES = [
    112272535095293,
    112582705942171,
    112272535095293,
    115280095190773,
    115797848077099,
    1099726899285419,
]


def is_prime(n):
    if n < 2:
        return False
    if n == 2:
        return True
    if n % 2 == 0:
        return False

    sqrt_n = int(math.floor(math.sqrt(n)))
    for i in range(3, min(sqrt_n, 2000) + 1, 2):
        if n % i == 0:
            return False
    return True


def main():
    with concurrent.futures.ThreadPoolExecutor() as executor:
        for number, prime in zip(PRIMES, executor.map(is_prime, PRIMES)):
            print('%d is prime: %s' % (number, prime))
    print(f"{'number':>18} | {'bits':>4} | {'digits':>6}")
    for n in sorted(set(PRIMES)):
        print(f"{n:>18,} | {n.bit_length():>4} | {len(str(n)):>6}")


if __name__ == '__main__':
    main()
