import threading
import time


PRINTING = threading.Lock()  # one print's text and its newline are two writes in CPython


class Downloader(threading.Thread):
    def __init__(self, url, delay):
        super(Downloader, self).__init__(name="dl-" + url.split("/")[-1])
        self.url = url
        self.delay = delay
        self.result = None
        self.daemon = False

    def run(self):
        me = threading.current_thread()
        with PRINTING:
            print(f"{self.name} starting (current: {me.name}, same: {me is self})")
        time.sleep(self.delay)
        self.result = len(self.url)
        print(f"{self.getName()} finished, ident set: {self.ident is not None}")

    def __repr__(self):
        return f"<Downloader {self.url!r} done={self.result is not None}>"


urls = ["http://example.com/a", "http://example.com/bb", "http://example.com/ccc"]
workers = [Downloader(u, 0.1 * (3 - i)) for i, u in enumerate(urls)]
print(workers[0])
print(workers[0].is_alive(), workers[0].ident, workers[0].native_id)
for w in workers:
    w.start()
for w in workers:
    w.join()
for w in workers:
    print(w, w.result, w.daemon, w.is_alive())
print(isinstance(workers[0], threading.Thread), issubclass(Downloader, threading.Thread))
print(threading.active_count(), threading.current_thread().name)
