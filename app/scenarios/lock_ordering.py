# title: Preventing deadlock: always take the locks in the same order
# idea: The deadlock program with one change: both threads take lock_a before lock_b, so no schedule can deadlock.
# explain: A deadlock needs a cycle: each thread holds a lock the other is waiting for. If every thread takes lock_a before lock_b, whoever holds lock_b already holds lock_a, so nobody holding lock_b can be waiting for lock_a. The thread that gets lock_a first can always go on to take lock_b, finish, and release both; the other simply waits its turn. Real CPython prints "both threads finished", and so does every schedule.
# challenge: Try to deadlock it as you did before. You can't: show that every schedule finishes.
# goal: not deadlock
# goal_for: every schedule
# order: 80
# primitive: deadlock
# difficulty: medium
# lesson: Take locks in one global order and no cycle of waits, so no deadlock, can form.
import threading

lock_a = threading.Lock()
lock_b = threading.Lock()

def work(): pass

def thread_1():
    with lock_a:      # always A first...
        with lock_b:  # ...then B
            work()

def thread_2():
    with lock_a:      # same order as thread_1: no cycle is possible
        with lock_b:
            work()

threads = [threading.Thread(target=thread_1, name="thread_1"),
           threading.Thread(target=thread_2, name="thread_2")]
for t in threads: t.start()
for t in threads: t.join()
print("both threads finished")
