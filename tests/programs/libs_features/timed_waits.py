import time
from concurrent.futures import ThreadPoolExecutor, wait, as_completed, TimeoutError
def s(x):
    time.sleep(x)
    return x
with ThreadPoolExecutor(3) as ex:
    fs = [ex.submit(s, x) for x in (0.1, 0.3, 0.5)]
    done, not_done = wait(fs, timeout=0.2)
    print(sorted(f.result() for f in done), len(not_done))
    try:
        for f in as_completed(fs):
            print("got", f.result())
    except TimeoutError:
        print("as_completed timed out")
    print(fs[2].exception(timeout=1))
