import argparse
import threading


def worker(i, results):
    results[i] = i * i


def main():
    parser = argparse.ArgumentParser(description="Run some worker threads.")
    parser.add_argument("-n", "--num-threads", type=int, default=4, help="how many threads")
    parser.add_argument("--delay", type=float, default="0.5")
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--name", default="pool")
    args = parser.parse_args()
    print(args)
    results = [None] * args.num_threads
    threads = [threading.Thread(target=worker, args=(i, results)) for i in range(args.num_threads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if args.verbose:
        print("verbose")
    print(results, args.delay, args.name)
    other = parser.parse_args(["--num-threads", "2", "-v"])
    print(other.num_threads, other.verbose)


if __name__ == "__main__":
    main()
