import threading
import time

results = []
print_lock = threading.Lock()


def say(*args):
    with print_lock:
        print(*args)


def on_all_ready():
    say("action: all runners at the line, run by", threading.current_thread().name)


barrier = threading.Barrier(3, action=on_all_ready)
print("parties:", barrier.parties, "waiting:", barrier.n_waiting, "broken:", barrier.broken)


def runner(name, delay):
    time.sleep(delay)
    idx = barrier.wait()
    results.append((name, idx))


threads = [threading.Thread(target=runner, args=(n, d), name=n)
           for n, d in [("ann", 0.03), ("bob", 0.01), ("cy", 0.05)]]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("arrival indices:", sorted(results, key=lambda r: r[1]))

# Round two: only two runners show up, so the main thread aborts.
broken_seen = []


def stuck(name):
    try:
        barrier.wait()
    except threading.BrokenBarrierError:
        broken_seen.append(name)


pair = [threading.Thread(target=stuck, args=(n,)) for n in ("dee", "eve")]
for t in pair:
    t.start()
time.sleep(0.1)
print("waiting before abort:", barrier.n_waiting)
barrier.abort()
for t in pair:
    t.join()
print("saw the barrier break:", sorted(broken_seen))
print("broken after abort:", barrier.broken)
try:
    barrier.wait()
except threading.BrokenBarrierError as e:
    print("wait on a broken barrier:", type(e).__name__, repr(str(e)), isinstance(e, RuntimeError))
barrier.reset()
print("broken after reset:", barrier.broken)

# Round three: timeout.
short = threading.Barrier(2, timeout=0.05)
try:
    short.wait()
except threading.BrokenBarrierError:
    print("timed out alone; broken:", short.broken)
try:
    threading.Barrier(0)
except ValueError as e:
    print("ValueError:", e)
