import concurrent.futures


def risky(n):
    if n == 3:
        raise ValueError(f"bad input {n}")
    return n * 10


with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
    futures = [pool.submit(risky, n) for n in range(5)]
    for f in futures:
        exc = f.exception()
        if exc is not None:
            print("task failed:", type(exc).__name__, exc)
        else:
            print("task ok:", f.result())

    results = pool.map(risky, [1, 2, 4])
    print(list(results))

    try:
        for r in pool.map(risky, range(5)):
            print("map result", r)
    except ValueError as e:
        print("map raised:", e)
print("pool closed")
