import threading
import sys

sys.setswitchinterval(1e-6)

counter = 0
safe_counter = 0
lock = threading.Lock()
N = 2000


def unsafe_increment():
    global counter
    for _ in range(N):
        temp = counter
        counter = temp + 1


def safe_increment():
    global safe_counter
    for _ in range(N):
        with lock:
            safe_counter += 1


threads = [threading.Thread(target=unsafe_increment) for _ in range(4)]
threads += [threading.Thread(target=safe_increment) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()

print(f"Expected: {4 * N}")
print(f"Safe counter: {safe_counter}")
print("Unsafe counter is at most expected:", counter <= 4 * N)
