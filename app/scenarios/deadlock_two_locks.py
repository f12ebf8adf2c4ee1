# title: Deadlock: two threads, two locks, opposite order
# idea: thread_1 takes lock_a then lock_b, thread_2 takes lock_b then lock_a; with the wrong timing each waits for the other forever.
# explain: If thread_1 gets lock_a and thread_2 gets lock_b before either takes its second lock, each then blocks on the lock the other holds. Neither can release what it holds until it gets the other lock, so both wait forever and "both threads finished" is never printed. Real CPython almost always prints "both threads finished": thread_1 grabs both locks before thread_2 even starts. A bug that shows up only on a rare unlucky switch is what makes deadlocks so nasty.
# challenge: Make it deadlock: give each thread its first lock before either takes its second.
# goal: deadlock
# order: 70
# primitive: deadlock
# difficulty: medium
# lesson: Two threads that take two locks in opposite orders can each hold one and wait for the other forever.
import threading

lock_a = threading.Lock()
lock_b = threading.Lock()

def work(): pass

def thread_1():
    with lock_a:      # holds A
        with lock_b:  # waits for B
            work()

def thread_2():
    with lock_b:      # holds B
        with lock_a:  # waits for A — DEADLOCK
            work()

threads = [threading.Thread(target=thread_1, name="thread_1"),
           threading.Thread(target=thread_2, name="thread_2")]
for t in threads: t.start()
for t in threads: t.join()
print("both threads finished")
