import sys
import threading


class Tee:
    """Write everything printed to the console and to a transcript file."""

    def __init__(self, console, path):
        self.console = console
        self.file = open(path, "w")

    def write(self, text):
        self.console.write(text)
        self.file.write(text)

    def flush(self):
        self.console.flush()
        self.file.flush()

    def close(self):
        self.file.close()


def worker(n):
    squares = [i * i for i in range(n)]
    print(f"worker {n}: {squares}")


tee = Tee(sys.stdout, "transcript.txt")
sys.stdout = tee
try:
    for n in (2, 3, 4):
        t = threading.Thread(target=worker, args=(n,))
        t.start()
        t.join()
    print("all workers finished")
finally:
    sys.stdout = tee.console
    tee.close()

with open("transcript.txt") as f:
    lines = f.readlines()
print(f"transcript has {len(lines)} lines; last: {lines[-1].strip()!r}")
