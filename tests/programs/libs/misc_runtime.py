import os
import sys
import threading
import time


class Worker(threading.Thread):
    def __init__(self, n):
        super().__init__(name=f"Worker-{n}")
        self.n = n
        self.result = None

    def run(self):
        start = time.time()
        self.result = sum(i * i for i in range(self.n))
        self.elapsed = time.time() - start


def main():
    print("pid is int:", isinstance(os.getpid(), int))
    print("argv0 set:", len(sys.argv) >= 1)
    workers = [Worker(n) for n in (10, 100, 1000)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    for w in workers:
        print(f"{w.name}: {w.result}")
    print(sys.version_info >= (3, 8), sys.platform != "")
    print(threading.current_thread().ident is not None, threading.get_native_id() > 0)
    print(time.strftime("%Y") > "2000", time.ctime() != "", time.monotonic() >= 0)


if __name__ == "__main__":
    main()
