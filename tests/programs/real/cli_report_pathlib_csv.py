import argparse
import csv
import logging
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
log = logging.getLogger("report")

ACCOUNTS = {
    "acme": [120.0, -40.5, 15.25],
    "globex": [-10.0, -5.0],
    "initech": [300.0, -299.99, 42.0, 8.0],
}


def parse_args(argv):
    parser = argparse.ArgumentParser(description="Write one statement per account.")
    parser.add_argument("--out", default="statements")
    parser.add_argument("--threads", type=int, default=2)
    return parser.parse_args(argv)


def write_statement(folder, name, moves):
    path = folder / f"{name}.csv"
    balance = 0.0
    with path.open("w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["step", "amount", "balance"])
        for step, amount in enumerate(moves, 1):
            balance += amount
            writer.writerow([step, f"{amount:.2f}", f"{balance:.2f}"])
    if balance < 0:
        log.warning("%s is overdrawn: %.2f", name, balance)
    return name, round(balance, 2)


def main(argv=None):
    args = parse_args(argv)
    folder = Path(args.out)
    folder.mkdir(exist_ok=True)
    with ThreadPoolExecutor(max_workers=args.threads) as pool:
        results = list(pool.map(lambda item: write_statement(folder, *item), ACCOUNTS.items()))
    for name, balance in results:
        print(f"{name:<8} {balance:>8.2f}")
    for path in sorted(folder.glob("*.csv")):
        with path.open(newline="") as f:
            rows = list(csv.reader(f))
        print(path.name, "->", len(rows) - 1, "moves, last row", rows[-1])


if __name__ == "__main__":
    main(["--threads", "3"])
