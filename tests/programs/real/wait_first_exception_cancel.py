import concurrent.futures as cf
import time


def job(n):
    time.sleep(n / 10)
    if n == 2:
        raise RuntimeError(f"job {n} failed")
    return f"job {n} ok"


with cf.ThreadPoolExecutor(max_workers=2) as ex:
    futures = [ex.submit(job, n) for n in range(1, 7)]
    done, not_done = cf.wait(futures, return_when=cf.FIRST_EXCEPTION)
    print("done:", len(done), "not done:", len(not_done))
    for f in futures:
        if f in done:
            exc = f.exception()
            print(futures.index(f) + 1, "->", repr(exc) if exc else f.result())
    cancelled = [f.cancel() for f in futures if f in not_done]
    print("cancel results:", cancelled)

print("after shutdown:")
for i, f in enumerate(futures, 1):
    state = "cancelled" if f.cancelled() else ("error" if f.exception() else "ok")
    print(f"  {i}: {state}")

all_done, rest = cf.wait(futures, timeout=0)
print("all done now:", len(all_done), len(rest))
print(cf.FIRST_EXCEPTION, cf.ALL_COMPLETED, cf.FIRST_COMPLETED)
