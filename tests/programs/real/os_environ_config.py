import os
import threading

WORKERS = int(os.environ.get("APP_WORKERS", "3"))
MODE = os.getenv("APP_MODE", "dev")
seen = []
lock = threading.Lock()


def work(i):
    with lock:
        seen.append(i)


threads = [threading.Thread(target=work, args=(i,)) for i in range(WORKERS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"mode={MODE} workers={WORKERS} seen={sorted(seen)}")
os.environ["APP_MODE"] = "test"
print(os.getenv("APP_MODE"), os.environ.get("MISSING"), "APP_MODE" in os.environ)
print(isinstance(os.cpu_count(), int), os.name)
