from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait
import time


def check(n):
    time.sleep(0.05 * n)
    if n == 2:
        raise ValueError(f"item {n} is invalid")
    return n * n


with ThreadPoolExecutor(max_workers=4) as ex:
    futs = {ex.submit(check, n): n for n in range(1, 5)}
    done, not_done = wait(futs, return_when=FIRST_EXCEPTION)
    for f in sorted(done, key=futs.get):
        if f.exception() is not None:
            print(f"task {futs[f]} failed: {f.exception()!r}")
        else:
            print(f"task {futs[f]} -> {f.result()}")
    print("unfinished when the first error came:", sorted(futs[f] for f in not_done))
