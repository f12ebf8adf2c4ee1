from concurrent.futures import ThreadPoolExecutor, TimeoutError as FuturesTimeout
import time
import logging

logging.basicConfig(format="[%(threadName)s] %(message)s", level=logging.INFO)


def square(x):
    if x == 4:
        raise ArithmeticError("four is unlucky")
    time.sleep(x * 0.1)
    logging.info("squared %d", x)
    return x * x


with ThreadPoolExecutor(max_workers=3, thread_name_prefix="sq") as pool:
    results = pool.map(square, [1, 2, 3])
    print(list(results))

    it = pool.map(square, [1, 5, 2], timeout=0.3)
    got = []
    try:
        for value in it:
            got.append(value)
    except FuturesTimeout:
        print("timed out after", got)

    try:
        for value in pool.map(square, [3, 4, 1]):
            print("value", value)
    except ArithmeticError as e:
        print("map raised:", e)

    future = pool.submit(pow, 2, 2)
    print("done later:", future.result(timeout=1), future.done())
print("pool shut down")
