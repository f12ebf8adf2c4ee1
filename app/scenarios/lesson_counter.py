# title: The lesson's counter: 4 threads x 100_000 unlocked increments
# idea: The classic race program, run as written; real CPython 3.10+ prints 400000 anyway, and the explorer shows why that is luck, not safety.
# explain: counter += 1 is three steps: read counter (LOAD_GLOBAL), add 1 to a private copy, write it back (STORE_GLOBAL). If another thread writes counter between one thread's read and its write, that write is overwritten and increments are lost. Even so, CPython 3.10–3.13 with the GIL prints 400000 every time: it switches threads only at function entry, loop back-edges and calls, and none of those falls between this read and this write. Python 3.9 and older, which could switch almost anywhere, often print less, and the free-threaded build, which runs threads truly in parallel, is expected to lose updates too.
# explain: The race is real (the language never promised that += is atomic, and the explorer finds schedules that print less than 400000); a GIL build of 3.10+ merely hides it.
# challenge: Be the scheduler: switch threads between a read and its write and make the final count come out below 400000. Under the CPython policy this prints 400000.
# goal: counter < 400000
# order: 160
# primitive: the GIL
# difficulty: hard
# lesson: The GIL makes CPython 3.10+ switch rarely, not never: a race it hides is still a race.
# start: setup
# policy: cpython

import threading

counter = 0

def increment():
    global counter
    for _ in range(100_000):
        counter += 1  # NOT atomic: read → increment → write

threads = [threading.Thread(target=increment) for _ in range(4)]
for t in threads: t.start()
for t in threads: t.join()
print(counter)  # Expected: 400000. Less is possible: see the explanation.
