import threading
import time

go = threading.Event()
ready_count = 0
count_lock = threading.Lock()


def runner(lane):
    global ready_count
    with count_lock:
        ready_count += 1
    go.wait()
    print("lane", lane, "running")


runners = [threading.Thread(target=runner, args=(i,)) for i in range(3)]
for r in runners:
    r.start()
time.sleep(0.1)
print("ready:", ready_count)
print("Ready... set... go!")
go.set()
for r in runners:
    r.join()
print("race over, event set:", go.is_set())
