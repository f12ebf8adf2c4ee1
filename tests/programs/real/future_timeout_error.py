import concurrent.futures
import time


def slow():
    time.sleep(0.5)
    return "finally"


with concurrent.futures.ThreadPoolExecutor() as pool:
    fut = pool.submit(slow)
    try:
        fut.result(timeout=0.1)
    except concurrent.futures.TimeoutError:
        print("not yet (TimeoutError)")
    print("is it TimeoutError builtin?", concurrent.futures.TimeoutError is TimeoutError)
    print("running:", fut.running())
    print(fut.result())

futs = []
with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
    futs = [pool.submit(time.sleep, 0.2) for _ in range(2)]
    try:
        for f in concurrent.futures.as_completed(futs, timeout=0.1):
            print("completed")
    except TimeoutError as e:
        print("as_completed:", e)
