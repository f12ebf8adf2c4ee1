from concurrent.futures import ThreadPoolExecutor, as_completed
from itertools import batched, chain, count, islice, accumulate, repeat, tee
from operator import methodcaller, itemgetter, mul
import functools

orders = [{"id": i, "customer": c, "amount": round(a, 2)}
          for i, c, a in zip(count(100), "ABCABCAAB", [9.99, 120.0, 35.5, 4.25, 60.0, 18.75, 7.5, 250.0, 33.3])]

def summarize(batch_no, batch):
    total = sum(map(itemgetter("amount"), batch))
    biggest = max(batch, key=itemgetter("amount"))
    return batch_no, len(batch), round(total, 2), biggest["id"]

with ThreadPoolExecutor(max_workers=3, thread_name_prefix="batch") as pool:
    futures = {pool.submit(summarize, n, b): n for n, b in enumerate(batched(orders, 4), start=1)}
    summaries = sorted(f.result() for f in as_completed(futures))

for n, size, total, biggest in summaries:
    print(f"batch {n}: {size} orders, total {total:>8.2f}, biggest #{biggest}")

by_customer = functools.reduce(
    lambda acc, o: {**acc, o["customer"]: acc.get(o["customer"], 0) + o["amount"]}, orders, {})
print({k: round(v, 2) for k, v in sorted(by_customer.items())})
print(list(accumulate(o["amount"] for o in orders[:4])), list(accumulate([1, 2, 3, 4], mul)))
words = ["alpha", "Beta", "gamma"]
print(list(map(methodcaller("upper"), words)), list(map(methodcaller("replace", "a", "4"), words)))
print(list(islice(chain.from_iterable(repeat("ab", 3)), 5)), list(batched("abcdefg", 3)))
a, b = tee(iter([1, 2, 3]))
print(list(a), sum(b))
print(sorted(words, key=str.lower), sorted(words, key=len, reverse=True), min(words, key=len))
print(max([], default="none"), min((o["amount"] for o in orders), default=0))
pairs = list(zip(["x", "y"], [1, 2], strict=True))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print("ValueError:", e)
print(pairs, dict(pairs), list(enumerate("ab", start=1)), all(o["amount"] > 1 for o in orders))
