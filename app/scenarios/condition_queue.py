# title: Condition: consumers wait until there is something to take
# idea: The lesson's producer/consumer: two consumers wait() on a Condition until producers put an item in the queue.
# explain: condition.wait() releases the lock, sleeps until another thread calls notify(), then re-acquires the lock before returning, so there is no busy-waiting. Being notified is not the same as getting the item: between the notify and the re-acquire another consumer can take the lock and empty the queue. That is why the consumer checks the queue in a `while` loop: after every wakeup it looks again, and waits again if the queue is empty. Real CPython prints "consumed: ['job', 'job']", and so does every schedule: no crash, nobody stuck.
# challenge: Try to make a consumer crash on an empty queue or sleep forever. You can't: the while loop makes every schedule consume both items.
# goal: len(consumed) == 2 and not errors and not deadlock
# goal_for: every schedule
# order: 100
# primitive: Condition
# difficulty: medium
# lesson: Wait on a Condition in a `while` loop: after every wakeup, check again.

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
        while not queue:
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
