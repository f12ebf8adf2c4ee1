from concurrent.futures import ThreadPoolExecutor
import threading

log = []
log_lock = threading.Lock()


def on_done(fut):
    with log_lock:
        if fut.exception():
            log.append(f"failed: {fut.exception()}")
        else:
            log.append(f"result: {fut.result()}")


def work(x):
    if x < 0:
        raise ValueError("negative input")
    return x * 10


with ThreadPoolExecutor(max_workers=2) as ex:
    for x in (1, -1, 2):
        f = ex.submit(work, x)
        f.add_done_callback(on_done)
print(sorted(log))
f = ex.submit if False else None
done_future = ThreadPoolExecutor(1).submit(work, 5)
print(done_future.result())
