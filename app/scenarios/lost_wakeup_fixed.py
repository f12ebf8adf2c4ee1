# title: Fixing the lost wakeup with wait_for()
# idea: wait_for(lambda: ready) checks the condition before sleeping, so a notify that came early is never missed.
# explain: condition.wait_for(predicate) is `while not predicate(): condition.wait()` in one call, and returns the predicate's last value. If the notifier already set ready, the waiter sees it and never sleeps; if not, it waits, and the notifier's later notify() wakes it. Both checks and the change to ready happen while holding the condition's lock, so there is no gap where the notification can slip through. Real CPython prints "waiter: ready = True" then "done", and so does every schedule.
# challenge: Try the schedule that lost the wakeup before: run the notifier first. The waiter still finishes in every schedule.
# goal: not deadlock
# goal_for: every schedule
# order: 130
# primitive: Condition
# difficulty: easy
# lesson: `wait_for(predicate)` checks before it sleeps, so an early notify is never missed.

import threading

condition = threading.Condition()
ready = False

def waiter():
    with condition:
        condition.wait_for(lambda: ready)  # checks ready first, waits only if needed
        print("waiter: ready =", ready)

def notifier():
    global ready
    with condition:
        ready = True
        condition.notify()

threads = [threading.Thread(target=waiter, name="waiter"),
           threading.Thread(target=notifier, name="notifier")]
for t in threads: t.start()
for t in threads: t.join()
print("done")
