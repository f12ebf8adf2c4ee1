"""Parallelism in one line: multiprocessing.dummy's thread pool instead of a for loop."""
import time
from multiprocessing.dummy import Pool as ThreadPool

urls = [
    "http://www.python.org",
    "http://www.python.org/about/",
    "http://www.onlamp.com/pub/a/python/2003/04/17/metaclasses.html",
    "http://www.python.org/doc/",
    "http://www.python.org/download/",
    "http://www.python.org/getit/",
    "http://www.python.org/community/",
]


def fake_urlopen(url):
    time.sleep(len(url) / 1000)
    return f"<html>{len(url) * 37 % 1000} bytes from {url.split('/')[2]}</html>"


def sequential():
    return [fake_urlopen(u) for u in urls]


def parallel(workers):
    pool = ThreadPool(workers)
    results = pool.map(fake_urlopen, urls)
    pool.close()
    pool.join()
    return results


if __name__ == "__main__":
    one = sequential()
    for n in (1, 2, 4, 8):
        assert parallel(n) == one, n
        print(f"{n} worker(s): same {len(one)} pages")
    for page in one[:3]:
        print(page)
