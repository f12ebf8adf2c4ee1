import threading
import time

barrier = threading.Barrier(3, timeout=0.2)
outcomes = {}
lock = threading.Lock()


def participant(name, delay):
    time.sleep(delay)
    try:
        barrier.wait()
        result = "passed"
    except threading.BrokenBarrierError:
        result = "broken"
    with lock:
        outcomes[name] = result


threads = [threading.Thread(target=participant, args=(f"p{i}", d)) for i, d in enumerate([0, 0.05, 1.0])]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(outcomes.items()))
print("broken:", barrier.broken)
barrier.reset()
print("after reset:", barrier.broken, barrier.n_waiting)
