import threading

N = 3
log = []
lock = threading.Lock()


def on_phase():
    log.append("--- phase complete ---")


barrier = threading.Barrier(N, action=on_phase)


def runner(i):
    for phase in range(2):
        with lock:
            log.append(f"runner {i} phase {phase}")
        idx = barrier.wait()


ts = [threading.Thread(target=runner, args=(i,)) for i in range(N)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sum(1 for line in log if line.startswith("---")), "phases")
print(len(log), barrier.parties, barrier.n_waiting, barrier.broken)
