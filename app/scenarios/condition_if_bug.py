# title: Condition bug: `if` instead of `while` around wait()
# idea: The same producer/consumer with one word changed: a woken consumer no longer re-checks the queue, and can pop from an empty list.
# explain: A consumer that was notified still has to re-acquire the lock before wait() returns, and another thread may get the lock first. If consumer_1 waits, a producer adds an item and notifies it, and consumer_2 grabs the lock and takes that item, consumer_1 wakes up to an empty queue. With `if` it does not look again and queue.pop(0) raises IndexError; with `while` it would simply wait again. Real CPython usually prints "consumed: ['job', 'job']": both consumers are already waiting when the producers run. The bug waits for an unlucky schedule.
# challenge: Make a consumer pop from an empty queue and crash with IndexError.
# goal: "IndexError" in errors
# order: 110
# primitive: Condition
# difficulty: hard
# lesson: Being notified is not a promise: another thread may get there first, so `if` around `wait()` is a bug.

import threading

condition = threading.Condition()
queue = []
item = "job"
consumed = []

def producer():
    with condition:
        queue.append(item)
        condition.notify()  # wake one waiting consumer

def consumer():
    with condition:
        if not queue:  # BUG: should be `while`
            condition.wait()  # release lock and sleep
        item = queue.pop(0)
        consumed.append(item)

threads = [threading.Thread(target=consumer, name="consumer_1"),
           threading.Thread(target=consumer, name="consumer_2"),
           threading.Thread(target=producer, name="producer_1"),
           threading.Thread(target=producer, name="producer_2")]
for t in threads: t.start()
for t in threads: t.join()
print("consumed:", consumed)
