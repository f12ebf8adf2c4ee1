#!/usr/bin/env python3
"""Command line tool: download pages with a pool of threads (simulated)."""
import argparse
import concurrent.futures
import time


def build_parser():
    parser = argparse.ArgumentParser(
        prog="fetcher",
        description="Fetch a list of URLs concurrently using a thread pool.",
        epilog="Use --dry-run to see what would be fetched.",
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    parser.add_argument("urls", nargs="*", default=["http://a.test", "http://b.test"],
                        help="pages to fetch")
    parser.add_argument("-w", "--workers", type=int, default=3, help="worker threads")
    parser.add_argument("-t", "--timeout", type=float, default=2.5, help="seconds per page")
    parser.add_argument("--retries", type=int, choices=range(0, 4), default=1,
                        metavar="{0..3}", help="attempts after a failure")
    parser.add_argument("--dry-run", action="store_true", help="only list the URLs")
    parser.add_argument("-v", "--verbose", action="count", default=0,
                        help="more output (repeat for more)")
    sub = parser.add_subparsers(dest="command", title="commands")
    get = sub.add_parser("get", help="fetch the pages")
    get.add_argument("--save", metavar="DIR", help="where to save them")
    sub.add_parser("list", help="list the pages")
    return parser


def fetch(url, timeout):
    time.sleep(0.1 * len(url) % 0.3)
    return url, len(url) * 100


def main():
    parser = build_parser()
    parser.print_help()
    print()
    args = parser.parse_args()
    print(args)
    if args.command is None:
        parser.print_usage()
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.workers) as pool:
        for url, size in pool.map(fetch, args.urls, [args.timeout] * len(args.urls)):
            print(f"{url}: {size} bytes")
    other = parser.parse_args(["-vv", "get", "--save", "out"])
    print(other.verbose, other.command, other.save)


if __name__ == "__main__":
    main()
