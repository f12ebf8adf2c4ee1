#!/usr/bin/env python3
"""Simulated concurrent downloads with a progress report (tutorial style)."""
import random
import threading
import time
from concurrent.futures import ThreadPoolExecutor

random.seed(10)
FILES = {f"file_{i:02d}.zip": random.randint(1, 5) * 1024 for i in range(1, 7)}
progress = {}
progress_lock = threading.Lock()


def download(name, size):
    chunk = 1024
    received = 0
    while received < size:
        time.sleep(0.01)
        received += chunk
        with progress_lock:
            progress[name] = received
    return name, size


def human(n):
    for unit in ["B", "KB", "MB"]:
        if n < 1024:
            return f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} GB"


start = time.time()
with ThreadPoolExecutor(max_workers=3) as pool:
    results = list(pool.map(lambda kv: download(*kv), FILES.items()))
total = sum(size for _, size in results)
print(f"Downloaded {len(results)} files, {human(total)} in total")
for name, size in sorted(results, key=lambda r: (-r[1], r[0])):
    print(f"  {name:<14}{human(size):>10}")
assert all(progress[n] == s for n, s in FILES.items())
print(f"elapsed: {time.time() - start:.1f}s" if time.time() >= start else "clock error")
