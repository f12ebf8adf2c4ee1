import threading

LOG_FILE = "worker_log.txt"
lock = threading.Lock()


def worker(n):
    total = sum(range(n * 10))
    with lock:
        with open(LOG_FILE, "a") as f:
            f.write(f"worker {n}: total={total}\n")


open(LOG_FILE, "w").close()
threads = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
    t.join()

with open(LOG_FILE) as f:
    lines = f.readlines()
print(f"{len(lines)} lines in {LOG_FILE}")
for line in lines:
    print(line.strip())
