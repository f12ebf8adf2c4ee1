from concurrent.futures import ThreadPoolExecutor
import threading

lock = threading.Lock()
log = []


def work(x):
    if x < 0:
        raise ValueError("negative!")
    return x ** 2


def on_done(fut):
    with lock:
        if fut.exception():
            log.append(f"error: {fut.exception()}")
        else:
            log.append(f"result: {fut.result()}")


with ThreadPoolExecutor(max_workers=2, thread_name_prefix="calc") as ex:
    futs = []
    for x in [3, -1, 4]:
        f = ex.submit(work, x)
        f.add_done_callback(on_done)
        futs.append(f)
print(sorted(log))
print([f.done() for f in futs], futs[0].cancelled())
names = set()
with ThreadPoolExecutor(max_workers=1, thread_name_prefix="solo") as ex:
    names.add(ex.submit(lambda: threading.current_thread().name).result())
print(names)
