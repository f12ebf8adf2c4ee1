"""Word lengths, measured by a pool of threads.

The module's docstring is its __doc__, which argparse scripts pass as the description.
"""
import argparse
import threading


def measure(words, out):
    """Not the module's doc."""
    out.extend(len(w) for w in words)
    print(__doc__.splitlines()[0], measure.__doc__)


parser = argparse.ArgumentParser(description=__doc__)
parser.add_argument("--workers", type=int, default=2)
args = parser.parse_args([])
lengths = []
threads = [threading.Thread(target=measure, args=(["ab", "cde"], lengths)) for _ in range(args.workers)]
for t in threads:
    t.start()
    t.join()
print(lengths, args.workers, __name__)
