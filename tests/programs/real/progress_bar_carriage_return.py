import sys
import threading
import time

TOTAL = 8
done = 0
lock = threading.Lock()
sys.stdout.reconfigure(line_buffering=True)


def show_progress():
    width = 16
    filled = width * done // TOTAL
    bar = "#" * filled + "-" * (width - filled)
    print(f"\r[{bar}] {done}/{TOTAL}", end="", flush=True)


def download(chunk):
    global done
    time.sleep(0.005 * (chunk % 3 + 1))
    with lock:
        done += 1
        show_progress()


threads = [threading.Thread(target=download, args=(i,)) for i in range(TOTAL)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print()
sys.stdout.write("all chunks downloaded\n")
