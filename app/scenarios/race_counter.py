# title: Race condition: counter += 1 is not atomic
# idea: Two threads each add 1 twice, but a badly timed switch between a read and its write loses an increment.
# explain: counter += 1 reads counter, adds 1 to a private copy, then writes the copy back: separate steps, and another thread may run between them. If both threads read the same value before either writes, both write the same result and one increment disappears. Every schedule prints 2, 3 or 4. It never prints less than 2: the last write is some thread's second write, and that thread read counter after its own first write, when counter was already at least 1. Real CPython 3.10–3.13 with the GIL prints 4 here, because it never switches threads between this read and this write; that is luck, not a guarantee.
# challenge: Lose an update: make the program print less than 4. For a harder puzzle, make it print 2.
# goal: counter < 4
# order: 10
# primitive: race condition
# difficulty: easy
# lesson: `counter += 1` is a read, an add and a write: a switch between them loses updates.

import threading

counter = 0

def increment():
    global counter
    for _ in range(2):
        counter += 1  # NOT atomic: read → increment → write

threads = [threading.Thread(target=increment) for _ in range(2)]
for t in threads: t.start()
for t in threads: t.join()
print(counter)  # Expected: 4
