"""Ping services with a deadline: the slow ones are reported, not waited for."""
import time
from concurrent.futures import ThreadPoolExecutor, as_completed, TimeoutError

SERVICES = {"auth": 0.05, "billing": 0.12, "search": 0.30, "cdn": 0.02, "mail": 0.50}


def ping(name):
    time.sleep(SERVICES[name])
    return name, int(SERVICES[name] * 1000)


def check_in_order(pool, deadline):
    print(f"-- in order, deadline {deadline}s")
    try:
        for name, ms in pool.map(ping, SERVICES, timeout=deadline):
            print(f"{name:>8}: {ms} ms")
    except TimeoutError:
        print("   deadline passed while waiting in order")


def check_as_completed(pool, deadline):
    print(f"-- as completed, deadline {deadline}s")
    futures = {pool.submit(ping, name): name for name in SERVICES}
    answered = set()
    try:
        for fut in as_completed(futures, timeout=deadline):
            name, ms = fut.result()
            answered.add(name)
            print(f"{name:>8}: {ms} ms")
    except TimeoutError as exc:
        print(f"   {exc}")
    print("   no answer from:", sorted(set(SERVICES) - answered))


with ThreadPoolExecutor(max_workers=len(SERVICES)) as pool:
    check_in_order(pool, 0.2)
    time.sleep(0.6)
    check_as_completed(pool, 0.2)
    first = next(as_completed([pool.submit(ping, "cdn"), pool.submit(ping, "auth")]))
    print("fastest:", first.result()[0])
