import sys
import threading
import time

lock = threading.Lock()
done = 0
TOTAL = 5


def task(i):
    global done
    time.sleep(0.01 * (i + 1))
    with lock:
        done += 1
        print(f"progress {done}/{TOTAL}", file=sys.stderr, flush=True)
        print("task", i, "finished", sep=":", end=";\n", flush=True)


threads = [threading.Thread(target=task, args=(i,)) for i in range(TOTAL)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(*range(3), sep=", ")
print("a", "b", end="")
print()
sys.stdout.write("written directly\n")
