import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor, as_completed


class InstrumentedExecutor(ThreadPoolExecutor):
    """A pool that keeps statistics about what it was asked to run."""

    def __init__(self, max_workers=None, **kwargs):
        super().__init__(max_workers=max_workers, **kwargs)
        self.calls = Counter()
        self._stats_lock = threading.Lock()
        self.finished = 0

    def submit(self, fn, /, *args, **kwargs):
        with self._stats_lock:
            self.calls[fn.__name__] += 1
        future = super().submit(fn, *args, **kwargs)
        future.add_done_callback(self._on_done)
        return future

    def _on_done(self, future):
        with self._stats_lock:
            self.finished += 1


def resize(image_id):
    time.sleep(0.01 * (image_id % 3))
    return f"img{image_id}@256px"


def checksum(data):
    return sum(map(ord, data)) % 997


with InstrumentedExecutor(max_workers=3, thread_name_prefix="media") as pool:
    thumbs = list(pool.map(resize, range(6)))
    sums = [f.result() for f in as_completed([pool.submit(checksum, t) for t in thumbs])]

print(thumbs)
print(sorted(sums))
print(dict(pool.calls), "finished:", pool.finished)
print("max workers:", pool._max_workers)
