import threading
import time

# --- thread-local storage --------------------------------------------------
local = threading.local()


def greet(name):
    local.name = name
    time.sleep(0.05 if name == "x" else 0.1)
    print(f"{threading.current_thread().name}: local.name = {local.name}")


threads = [threading.Thread(target=greet, args=(n,), name=f"T-{n}") for n in ("x", "y")]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("main has name:", hasattr(local, "name"))

# --- excepthook ---------------------------------------------------------------
errors = []


def hook(args):
    errors.append((args.thread.name, args.exc_type.__name__, str(args.exc_value)))


threading.excepthook = hook


def explode(n):
    if n % 2:
        raise ValueError(f"odd input {n}")
    return n


threads = [threading.Thread(target=explode, args=(n,), name=f"E{n}") for n in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("caught by hook:", sorted(errors))
threading.excepthook = threading.__excepthook__

# --- timers ---------------------------------------------------------------------
fired = []
timers = [threading.Timer(0.1 * i, fired.append, args=(i,)) for i in range(1, 4)]
for timer in timers:
    timer.start()
timers[1].cancel()
for timer in timers:
    timer.join()
print("fired:", fired, "cancelled finished:", timers[1].finished.is_set())

# --- Condition.wait_for ----------------------------------------------------------
stock = []
cond = threading.Condition()


def consumer(need):
    with cond:
        ok = cond.wait_for(lambda: len(stock) >= need, timeout=1)
        print(f"consumer needing {need}: ok={ok}, stock={len(stock)}")


c = threading.Thread(target=consumer, args=(3,))
c.start()
for item in range(3):
    time.sleep(0.05)
    with cond:
        stock.append(item)
        cond.notify_all()
c.join()
