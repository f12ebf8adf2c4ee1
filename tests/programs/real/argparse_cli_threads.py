import argparse
import threading
import time


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description="Simulate parallel downloads.")
    parser.add_argument("--workers", type=int, default=4, help="number of threads")
    parser.add_argument("--files", type=int, default=10)
    parser.add_argument("--delay", type=float, default=0.05)
    parser.add_argument("-v", "--verbose", action="store_true")
    return parser.parse_args(argv)


def download(name, delay, verbose):
    time.sleep(delay)
    if verbose:
        print(f"  got {name}")
    return len(name)


def main():
    args = parse_args()
    print(f"workers={args.workers} files={args.files} delay={args.delay} verbose={args.verbose}")
    names = [f"file_{i:02d}.dat" for i in range(args.files)]
    sizes = {}
    lock = threading.Lock()
    sem = threading.Semaphore(args.workers)

    def run(name):
        with sem:
            size = download(name, args.delay, args.verbose)
        with lock:
            sizes[name] = size

    threads = [threading.Thread(target=run, args=(n,)) for n in names]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print("downloaded", len(sizes), "files,", sum(sizes.values()), "bytes total")


if __name__ == "__main__":
    main()
