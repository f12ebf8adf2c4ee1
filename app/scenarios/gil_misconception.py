# title: Misconception: "the GIL makes locks unnecessary"
# idea: The GIL keeps Python's own objects intact, but it does not stop two threads from both selling the last seat.
# explain: The GIL lets only one thread run Python bytecode at a time, so the booked list is never corrupted: both append() calls land safely. But a thread gives up the GIL while it sleeps or waits for I/O, and the language lets a switch happen between any two steps, so a check and the action based on it are not atomic. Both threads see seats_left == 1 and pass the check before either subtracts, so the one seat is sold twice. Real CPython 3.13 prints -1 and ['alice', 'bob'] every time, because time.sleep() releases the GIL right between the check and the update. A Lock held across both fixes it.
# challenge: Sell the last seat twice: get both customers into booked.
# goal: len(booked) == 2
# order: 180
# primitive: the GIL
# difficulty: medium
# lesson: The GIL protects Python's own objects, not your check-then-act: use a Lock.
# start: setup

import threading
import time

seats_left = 1
booked = []

def book(name):
    global seats_left
    if seats_left > 0:       # check...
        time.sleep(0.01)     # ...talk to the payment service (the GIL is released here)...
        seats_left -= 1      # ...act
        booked.append(name)  # list.append is safe under the GIL; the logic above is not

threads = [threading.Thread(target=book, args=(name,), name=name) for name in ["alice", "bob"]]
for t in threads: t.start()
for t in threads: t.join()
print(seats_left, booked)
