from concurrent.futures import ThreadPoolExecutor, as_completed


def partial_sum(start, stop):
    return sum(range(start, stop))


def main():
    n = 1_000
    chunk = 250
    with ThreadPoolExecutor(max_workers=4) as executor:
        futures = {executor.submit(partial_sum, i, min(i + chunk, n)): i
                   for i in range(0, n, chunk)}
        total = 0
        for future in as_completed(futures):
            start = futures[future]
            total += future.result()
        print("total:", total, "expected:", n * (n - 1) // 2)
    results = list(ThreadPoolExecutor(max_workers=2).map(partial_sum, [0, 10], [10, 20]))
    print(results)


if __name__ == "__main__":
    main()
