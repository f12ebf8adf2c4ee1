import atexit
import threading
import time
from concurrent.futures import ThreadPoolExecutor

pool = ThreadPoolExecutor(max_workers=2)
stats = {"submitted": 0}


@atexit.register
def report():
    print("atexit: submitted", stats["submitted"], "jobs")


def shutdown_pool():
    print("atexit: shutting the pool down")
    pool.shutdown(wait=True)


atexit.register(shutdown_pool)


def job(n):
    time.sleep(0.05 * (n + 1))
    print(f"job {n} done in {threading.current_thread().name.split('_')[0]}")


for n in range(3):
    pool.submit(job, n)
    stats["submitted"] += 1
print("main script finished")
