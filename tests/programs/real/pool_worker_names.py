import logging
import random
from concurrent.futures import ThreadPoolExecutor

logging.basicConfig(format="%(threadName)s: %(message)s", level=logging.INFO)
random.seed(42)


def process(order_id, amount):
    logging.info("processing order %d", order_id)
    return order_id, round(amount * 1.2, 2)


orders = [(i, random.randint(10, 90)) for i in range(1, 7)]

with ThreadPoolExecutor(max_workers=2, thread_name_prefix="billing") as pool:
    futures = [pool.submit(process, oid, amt) for oid, amt in orders]
    invoices = [f.result() for f in futures]

for oid, total in invoices:
    print(f"order {oid}: {total}")
print("grand total:", round(sum(t for _, t in invoices), 2))
