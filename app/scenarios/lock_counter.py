# title: Lock: mutual exclusion
# idea: Wrap counter += 1 in `with lock:` and only one thread at a time can be between the read and the write.
# explain: `with lock:` acquires the lock on entry and releases it on exit, even if an exception occurs. While one thread holds it, another thread's acquire blocks. The read, the add and the write of counter += 1 now happen with no other thread inside the block, so no update can be lost. You still choose who goes next (which waiting thread gets a released lock is not defined), but whatever you choose, real CPython and every schedule print 4.
# challenge: Show that the lock makes every schedule print 4: try to get both threads inside the `with lock:` block at once, or to lose an update. The explorer can check every schedule.
# goal: counter == 4
# goal_for: every schedule
# order: 20
# primitive: Lock
# difficulty: easy
# lesson: Hold one lock across the whole read-modify-write and no update is lost.
# start: setup
import threading

lock = threading.Lock()
counter = 0

def safe_increment():
    global counter
    for _ in range(2):
        with lock:
            counter += 1  # only one thread at a time

threads = [threading.Thread(target=safe_increment) for _ in range(2)]
for t in threads: t.start()
for t in threads: t.join()
print(counter)  # Expected: 4, in every schedule
