import sched
import threading
import time

scheduler = sched.scheduler(time.monotonic, time.sleep)
start = time.monotonic()
fired = []


def remind(who, what):
    elapsed = round(time.monotonic() - start, 1)
    fired.append(what)
    print(f"[{elapsed:>4}s] reminder for {who}: {what}")


def plan():
    scheduler.enter(0.3, 1, remind, ("ana", "stand-up meeting"))
    scheduler.enter(0.1, 1, remind, ("ben", "drink water"))
    scheduler.enter(0.5, 1, remind, kwargs={"who": "cy", "what": "go home"})


plan()
cancelled = scheduler.enter(0.2, 1, remind, ("dee", "never shown"))
scheduler.cancel(cancelled)
print("queued:", len(scheduler.queue))

worker = threading.Thread(target=scheduler.run, name="scheduler")
worker.start()
time.sleep(0.15)
scheduler.enter(0.25, 1, remind, ("main", "added while running"))
worker.join()
print("fired in order:", fired)
print("empty:", scheduler.empty())
