import concurrent.futures as cf
import functools
import threading

log = []
log_lock = threading.Lock()


def record(tag, future):
    with log_lock:
        if future.cancelled():
            log.append(f"{tag}: cancelled")
        elif future.exception():
            log.append(f"{tag}: failed with {future.exception()}")
        else:
            log.append(f"{tag}: {future.result()}")


def job(n):
    if n < 0:
        raise ValueError(f"negative {n}")
    return n * 10


gate = threading.Event()
with cf.ThreadPoolExecutor(max_workers=1) as ex:
    blocker = ex.submit(gate.wait)
    futures = [ex.submit(job, n) for n in (1, -2, 3)]
    for n, f in zip((1, -2, 3), futures):
        f.add_done_callback(functools.partial(record, f"job{n}"))
    print("cancel last:", futures[-1].cancel(), futures[-1].cancelled())
    print("states:", [f.done() for f in futures], blocker.running())
    gate.set()
    cf.wait(futures[:2])

print(sorted(log))
late = cf.Future()
late.set_result("ok")
late.add_done_callback(functools.partial(record, "late"))
print(log[-1], late.done(), repr(late.result()))
