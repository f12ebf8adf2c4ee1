import threading
import time


class Downloader(threading.Thread):
    """Pretend to download a file in chunks."""

    def __init__(self, url, chunks, delay):
        super().__init__(name=f"dl-{url.split('/')[-1]}")
        self.url = url
        self.chunks = chunks
        self.delay = delay
        self.received = 0
        self.error = None

    def run(self):
        try:
            for _ in range(self.chunks):
                time.sleep(self.delay)
                self.received += 1
                if self.url.endswith(".bad"):
                    raise IOError("connection reset")
        except OSError as exc:
            self.error = exc

    def __str__(self):
        status = "error" if self.error else "ok"
        return f"{self.name}: {self.received}/{self.chunks} chunks [{status}]"


if __name__ == "__main__":
    jobs = [Downloader("https://files.test/a.zip", 3, 0.02),
            Downloader("https://files.test/b.iso", 5, 0.01),
            Downloader("https://files.test/c.bad", 4, 0.015)]
    print("alive before start:", [d.is_alive() for d in jobs])
    print("daemon flags:", [d.daemon for d in jobs])
    for d in jobs:
        d.start()
    print("alive after start:", all(d.is_alive() for d in jobs))
    for d in jobs:
        d.join()
    for d in jobs:
        print(d)
    print("alive after join:", [d.is_alive() for d in jobs])
    try:
        jobs[0].start()
    except RuntimeError as e:
        print("RuntimeError:", e)
    print("error type:", type(jobs[2].error).__name__, jobs[2].error)
