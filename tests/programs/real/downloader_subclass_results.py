import threading
import time


class Downloader(threading.Thread):
    registry = {}

    def __init__(self, url, size, *, name=None):
        super().__init__(name=name or f"dl-{url.split('/')[-1]}")
        self.url = url
        self.size = size
        self.chunks = []
        self.error = None

    def run(self):
        try:
            received = 0
            while received < self.size:
                chunk = min(256, self.size - received)
                time.sleep(0.001)
                self.chunks.append(chunk)
                received += chunk
            if self.url.endswith(".bad"):
                raise ConnectionError(f"checksum mismatch for {self.url}")
        except ConnectionError as exc:
            self.error = exc
        else:
            Downloader.registry[self.url] = received
        finally:
            print(f"{self.name} finished")

    def __str__(self):
        status = "ERR" if self.error else "OK"
        return f"<{type(self).__name__} {self.name} {status} {sum(self.chunks):>6,} bytes>"


urls = {"http://x.org/a.zip": 1000, "http://x.org/b.iso": 3000, "http://x.org/c.bad": 300}
workers = [Downloader(u, s) for u, s in urls.items()]
for w in workers:
    w.start()
    w.join()
for w in workers:
    print(w)
    if w.error is not None:
        print("  ", type(w.error).__name__, w.error, repr(w.error))
print(sorted(Downloader.registry.items(), key=lambda kv: -kv[1]))
print(f"total {sum(Downloader.registry.values()):,} bytes in {len(Downloader.registry)} files")
print(all(not w.is_alive() for w in workers), [w.daemon for w in workers])
