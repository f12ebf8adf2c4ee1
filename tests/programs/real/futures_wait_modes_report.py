"""Comparing the three return_when modes of concurrent.futures.wait."""
import concurrent.futures
import time
from concurrent.futures import ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION


class ServiceError(Exception):
    pass


def call_service(name, delay, fail=False):
    time.sleep(delay)
    if fail:
        raise ServiceError(f"{name} is down")
    return f"{name}:ok"


SERVICES = [("auth", 0.3, False), ("billing", 0.1, False), ("search", 0.2, True),
            ("mail", 0.5, False)]


def run(mode):
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as executor:
        futures = {executor.submit(call_service, *spec): spec[0] for spec in SERVICES}
        done, not_done = concurrent.futures.wait(futures, return_when=mode)
        print(f"{mode}: {len(done)} done, {len(not_done)} pending")
        print("  types:", type(done).__name__, type(not_done).__name__)
        for future in sorted(done, key=lambda f: futures[f]):
            name = futures[future]
            if future.exception() is not None:
                print(f"  {name:<8} raised {future.exception()!r}")
            else:
                print(f"  {name:<8} -> {future.result()}")
        print("  still running:", sorted(futures[f] for f in not_done))


for mode in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
    run(mode)

with concurrent.futures.ThreadPoolExecutor() as ex:
    slow = ex.submit(time.sleep, 1)
    result = concurrent.futures.wait([slow], timeout=0.25)
    print("after 0.25s:", len(result.done), "done,", len(result.not_done), "not done")
