import functools
import queue
import threading
import time
from concurrent.futures import ThreadPoolExecutor

results = queue.Queue()


def download(name, size, *, speed=10):
    time.sleep(size / speed / 100)
    results.put((name, size))


jobs = [functools.partial(download, "a.txt", 30),
        functools.partial(download, "b.bin", 10, speed=20),
        functools.partial(download, "c.iso", 50, speed=50)]
threads = [threading.Thread(target=job) for job in jobs]
list(map(threading.Thread.start, threads))
list(map(threading.Thread.join, threads))
print("alive:", any(t.is_alive() for t in threads))

next_result = functools.partial(results.get, timeout=1)
print([next_result() for _ in range(len(jobs))])


class Inbox:
    def __init__(self):
        self._q = queue.Queue()
        self.send = self._q.put
        self.receive = functools.partial(self._q.get, timeout=0.5)


inbox = Inbox()
threading.Timer(0.1, inbox.send, args=("hello from a timer",)).start()
print(inbox.receive())
try:
    inbox.receive()
except queue.Empty:
    print("inbox empty after 0.5 s")

with ThreadPoolExecutor(max_workers=3) as pool:
    futures = [pool.submit(pow, 2, n) for n in range(5)]
    print("all even:", all(f.result() % 2 == 0 for f in futures[1:]))
    print("any big:", any(f.result() > 10 for f in futures))
