import threading
import time

resource = threading.Lock()
events = []


def hog():
    with resource:
        events.append("hog: got the lock")
        time.sleep(0.2)
    events.append("hog: released")


def polite(name, timeout):
    got = resource.acquire(timeout=timeout)
    if got:
        try:
            events.append(f"{name}: acquired after waiting")
        finally:
            resource.release()
    else:
        events.append(f"{name}: gave up after {timeout}s")


h = threading.Thread(target=hog)
h.start()
time.sleep(0.05)
print("locked while hog holds it:", resource.locked())
print("try without blocking:", resource.acquire(blocking=False))
quick = threading.Thread(target=polite, args=("quick", 0.05))
patient = threading.Thread(target=polite, args=("patient", 1.0))
quick.start(); patient.start()
for t in (h, quick, patient):
    t.join()
print("\n".join(events))
print("locked at the end:", resource.locked())

for bad in [dict(blocking=False, timeout=1), dict(timeout=-5)]:
    try:
        resource.acquire(**bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    resource.release()
except RuntimeError as e:
    print("RuntimeError:", e)

rl = threading.RLock()
with rl:
    with rl:
        print("RLock re-entered:", rl._is_owned())
try:
    rl.release()
except RuntimeError as e:
    print("RuntimeError:", e)
