import threading
import time
from concurrent.futures import ThreadPoolExecutor


class Progress:
    def __init__(self, total):
        self.total = total
        self.done = 0
        self.lock = threading.Lock()
        self.log = []

    def update(self, future):
        with self.lock:
            self.done += 1
            pct = self.done * 100 // self.total
            bar = "#" * (pct // 10)
            self.log.append(f"[{bar:<10}] {pct:3d}% result={future.result()}")


def render(frame):
    time.sleep(0.03 * frame)
    return f"frame{frame:02d}"


def main():
    progress = Progress(total=5)
    with ThreadPoolExecutor(max_workers=5) as pool:
        for frame in range(5, 0, -1):
            fut = pool.submit(render, frame)
            fut.add_done_callback(progress.update)
    for line in progress.log:
        print(line)

    # A callback added to a finished future runs at once, in the caller's thread.
    with ThreadPoolExecutor() as pool:
        fut = pool.submit(pow, 2, 10)
        fut.result()
        fut.add_done_callback(lambda f: print("late callback in", threading.current_thread().name,
                                              "sees", f.result()))
    print("finished:", progress.done, "of", progress.total)


main()
