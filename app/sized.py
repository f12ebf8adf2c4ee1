"""Programs made to a size: the N x K counter, the dining philosophers and a bounded queue's
producers and consumers, the shapes the explorer is measured on (bench/explore.py) and
tested on (tests/). Each is the source text of an ordinary threading program; one place
builds them, so that a benchmark's figure and a test's count are about the same program."""

from __future__ import annotations


def counter(threads: int, k: int, lock: bool = False) -> str:
    """`threads` threads each adding 1 to a shared counter `k` times, under a lock or not. Line
    7 is the unlocked `counter += 1`; line 8 the locked one."""
    body = ("        with lock:\n            counter += 1\n" if lock
            else "        counter += 1\n")
    return (f"import threading\ncounter = 0\nlock = threading.Lock()\n"
            f"def work():\n    global counter\n    for _ in range({k}):\n{body}"
            f"threads = [threading.Thread(target=work) for _ in range({threads})]\n"
            f"for t in threads: t.start()\nfor t in threads: t.join()\nprint(counter)\n")


def philosophers(n: int) -> str:
    """`n` philosophers each taking their left fork, then their right: they can deadlock."""
    return (f"import threading\nN = {n}\nforks = [threading.Lock() for _ in range(N)]\n"
            f"meals = 0\n"
            f"def philosopher(i):\n    global meals\n    with forks[i]:\n"
            f"        with forks[(i + 1) % N]:\n            meals += 1\n"
            f"threads = [threading.Thread(target=philosopher, args=(i,)) for i in range(N)]\n"
            f"for t in threads: t.start()\nfor t in threads: t.join()\n")


def producers_consumers(producers: int, consumers: int) -> str:
    """Producers put two items each per consumer into a queue of two places; consumers take
    two per producer."""
    return (f"import threading\nimport queue\nq = queue.Queue(maxsize=2)\n"
            f"def producer(n):\n    for i in range({2 * consumers}):\n        q.put((n, i))\n"
            f"def consumer():\n    for _ in range({2 * producers}):\n        q.get()\n"
            f"threads = [threading.Thread(target=producer, args=(n,)) for n in "
            f"range({producers})]\n"
            f"threads += [threading.Thread(target=consumer) for _ in range({consumers})]\n"
            f"for t in threads: t.start()\nfor t in threads: t.join()\nprint(q.qsize())\n")
