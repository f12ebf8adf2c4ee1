"""Power table with ThreadPoolExecutor.map over several iterables."""
import concurrent.futures
import threading
import time


def power(base, exponent):
    time.sleep(0.01 * (5 - base))
    return base ** exponent


def describe(name, value, unit="ms"):
    return f"{name:>8}: {value:>5} {unit}"


def flaky(n):
    if n == 3:
        raise ValueError(f"cannot handle {n}")
    return n * 10


def main():
    bases = [1, 2, 3, 4]
    exponents = [2, 3, 4, 5, 6]  # one extra: map stops at the shortest
    with concurrent.futures.ThreadPoolExecutor(max_workers=3, thread_name_prefix="calc") as pool:
        results = list(pool.map(power, bases, exponents))
        print("powers:", results)

        names = ["alpha", "beta", "gamma"]
        values = [12, 345, 6789]
        for line in pool.map(describe, names, values, ["ms", "s", "us"]):
            print(line)

        squares = pool.map(lambda x: x * x, range(6), timeout=5)
        print("squares:", sorted(squares))

        gen = pool.map(flaky, range(5))
        collected = []
        try:
            for value in gen:
                collected.append(value)
        except ValueError as exc:
            print(f"stopped after {collected}: {exc}")

        names_seen = pool.submit(lambda: threading.current_thread().name).result()
        print("worker name starts with calc_:", names_seen.startswith("calc_"))


if __name__ == "__main__":
    main()
