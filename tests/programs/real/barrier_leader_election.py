import threading

barrier = threading.Barrier(4)
leaders = []
phases = []
lock = threading.Lock()


def worker(wid):
    for phase in range(2):
        with lock:
            phases.append((phase, wid))
        idx = barrier.wait()
        if idx == 0:
            with lock:
                leaders.append(phase)


threads = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("one leader per phase:", leaders)
print("phase 0 done before phase 1:", [p for p, _ in phases] == [0] * 4 + [1] * 4)
print("n_waiting:", barrier.n_waiting)
try:
    threading.Barrier(0)
except ValueError as e:
    print("ValueError:", e)
