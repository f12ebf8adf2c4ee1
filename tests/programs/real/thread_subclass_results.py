import threading


class SumWorker(threading.Thread):
    """Sums the squares of a slice of numbers and keeps the result."""

    def __init__(self, numbers):
        threading.Thread.__init__(self)
        self.numbers = numbers
        self.result = None

    def run(self):
        total = 0
        for n in self.numbers:
            total += n * n
        self.result = total


def chunks(seq, size):
    for i in range(0, len(seq), size):
        yield seq[i:i + size]


if __name__ == "__main__":
    data = list(range(1, 101))
    workers = [SumWorker(part) for part in chunks(data, 25)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    partials = [w.result for w in workers]
    print("partial sums:", partials)
    print("sum of squares:", sum(partials))
    print("check:", sum(n * n for n in data))
