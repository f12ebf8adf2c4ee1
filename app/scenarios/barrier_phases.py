# title: Barrier: nobody starts phase 2 until everyone finished phase 1
# idea: Three workers each finish phase 1, then wait at a Barrier(3); the barrier opens only when all three have arrived.
# explain: barrier.wait() blocks until `parties` threads (here 3) have called it; the last one to arrive releases them all at once. So when any worker starts phase 2, all three have already recorded their phase-1 result, and each one sees 3 finished. wait() returns each thread's arrival index (0, 1 or 2). If fewer threads than parties ever arrive, the ones waiting block forever. Real CPython prints [3, 3, 3], and so does every schedule.
# challenge: Try to get a worker into phase 2 while another is still in phase 1. You can't: every schedule prints [3, 3, 3].
# goal: seen_at_phase_2 == [3, 3, 3]
# goal_for: every schedule
# order: 150
# primitive: Barrier
# difficulty: easy
# lesson: A `Barrier(n)` opens only when n threads have arrived: nobody runs ahead.

import threading

barrier = threading.Barrier(3)
phase_1_done = []
seen_at_phase_2 = []  # how many workers had finished phase 1 when each one started phase 2

def worker(name):
    phase_1_done.append(name)                  # phase 1: prepare your part
    barrier.wait()                             # wait for the other workers
    seen_at_phase_2.append(len(phase_1_done))  # phase 2: everyone's part is ready

threads = [threading.Thread(target=worker, args=(f"worker_{i}",), name=f"worker_{i}") for i in range(3)]
for t in threads: t.start()
for t in threads: t.join()
print(seen_at_phase_2)
