# title: Lost wakeup: notify() before anyone waits
# idea: The waiter calls wait() without checking whether the event already happened; if notify() ran first, it sleeps forever.
# explain: notify() wakes only threads that are already waiting: with no waiter it does nothing and leaves no trace. If the notifier runs first, it sets ready and notifies nobody; then the waiter calls wait() and nothing will ever wake it, so join() never returns. The waiter should check the shared state before waiting: `while not ready: condition.wait()`, or condition.wait_for(lambda: ready). Real CPython almost always prints "waiter: ready = True", because the waiter is started first and is already waiting when the notifier runs.
# challenge: Lose the wakeup: run the notifier before the waiter reaches wait(), and leave the waiter stuck forever.
# goal: deadlock
# order: 120
# primitive: Condition
# difficulty: medium
# lesson: `notify()` wakes only threads already waiting: check the state before you `wait()`.

import threading

condition = threading.Condition()
ready = False

def waiter():
    with condition:
        condition.wait()  # BUG: waits without checking whether ready is already True
        print("waiter: ready =", ready)

def notifier():
    global ready
    with condition:
        ready = True
        condition.notify()  # wakes a thread only if one is already waiting

threads = [threading.Thread(target=waiter, name="waiter"),
           threading.Thread(target=notifier, name="notifier")]
for t in threads: t.start()
for t in threads: t.join()
print("done")
