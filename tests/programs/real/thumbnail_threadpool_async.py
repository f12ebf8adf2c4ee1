import threading
from multiprocessing.pool import ThreadPool

IMAGES = {
    "cat.png": [[10, 20, 30], [40, 50, 60]],
    "dog.png": [[200, 210], [220, 230], [240, 250]],
    "bird.png": [[5]],
    "broken.png": None,
}

lock = threading.Lock()
log = []


def make_thumbnail(name, scale=2):
    pixels = IMAGES[name]
    if pixels is None:
        raise ValueError(f"{name}: cannot decode")
    flat = [p // scale for row in pixels for p in row]
    return name, sum(flat) // len(flat)


def on_done(result):
    with lock:
        log.append(f"ok    {result[0]} avg={result[1]}")


def on_error(exc):
    with lock:
        log.append(f"error {exc}")


with ThreadPool(processes=2) as pool:
    pending = [pool.apply_async(make_thumbnail, (name,), {"scale": 4},
                                callback=on_done, error_callback=on_error)
               for name in IMAGES]
    for job in pending:
        job.wait()
    print("all ready:", all(job.ready() for job in pending))
    print("successful:", [job.successful() for job in pending])
    pairs = pool.starmap(make_thumbnail, [("cat.png", 1), ("dog.png", 10)])

for line in sorted(log):
    print(line)
print(dict(pairs))
