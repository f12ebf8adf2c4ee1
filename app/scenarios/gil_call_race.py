# title: The GIL can't hide this one: a call between read and write
# idea: Put a function call between reading counter and writing it back, and even CPython 3.10+ with the GIL loses updates.
# explain: counter = bump(counter) reads counter, calls bump, and only then writes the result back. CPython 3.10–3.13 may switch threads at function entry and after a call, so a switch can now land while the old value sits on this thread's stack. The other threads keep counting, and when this thread resumes it writes back its stale value, wiping out all of their increments since its read. Real CPython 3.10–3.13 usually prints less than 400000, a different number each run; now and then it prints 400000, when each thread finishes its 100_000 quick iterations within one 5 ms switch interval and the threads never overlap.
# challenge: Find the exact spot yourself: switch threads after a thread has read counter but before it stores the result. Under the CPython policy this loses updates on its own.
# goal: counter < 400000
# order: 170
# primitive: the GIL
# difficulty: hard
# lesson: Any call between a read and its write gives the GIL a place to switch: updates are lost even with the GIL.
# start: setup
# policy: cpython

import threading

counter = 0

def bump(value):
    return value + 1

def increment():
    global counter
    for _ in range(100_000):
        counter = bump(counter)  # read counter, call bump (a switch point), write counter

threads = [threading.Thread(target=increment) for _ in range(4)]
for t in threads: t.start()
for t in threads: t.join()
print(counter)  # Expected: 400000. Actual on CPython: usually less, different each run
