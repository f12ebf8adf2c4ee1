import threading
import queue
import random

SENTINEL = object()


class Producer(threading.Thread):
    def __init__(self, q, n, seed):
        super().__init__(name=f"Producer-{seed}")
        self.q = q
        self.n = n
        self.rng = random.Random(seed)

    def run(self):
        for _ in range(self.n):
            self.q.put(self.rng.randint(1, 100))


class Consumer(threading.Thread):
    def __init__(self, q, results):
        super().__init__()
        self.q = q
        self.results = results

    def run(self):
        while True:
            item = self.q.get()
            try:
                if item is SENTINEL:
                    break
                self.results.append(item * 2)
            finally:
                self.q.task_done()


def main():
    q = queue.Queue(maxsize=5)
    results = []
    producers = [Producer(q, 10, seed) for seed in (1, 2)]
    consumers = [Consumer(q, results) for _ in range(3)]
    for c in consumers:
        c.start()
    for p in producers:
        p.start()
    for p in producers:
        p.join()
        print(f"{p.name} produced {p.n} items")
    for _ in consumers:
        q.put(SENTINEL)
    q.join()
    for c in consumers:
        c.join()
    print(len(results), sum(results), max(results), min(results))
    print("queue empty:", q.empty(), "unfinished:", q.unfinished_tasks)


if __name__ == "__main__":
    main()
