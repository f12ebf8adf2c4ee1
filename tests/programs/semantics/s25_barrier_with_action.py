# S25: Barrier(3) with an action; each of three threads checks in, waits, then looks at how
# many have checked in.
import threading

arrived = []
indices = []
seen = []
action_runs = 0


def action():
    global action_runs
    action_runs += 1


barrier = threading.Barrier(3, action=action)


def worker(i):
    arrived.append(i)
    indices.append(barrier.wait())
    seen.append(len(arrived))


t1 = threading.Thread(target=worker, args=(1,))
t2 = threading.Thread(target=worker, args=(2,))
t3 = threading.Thread(target=worker, args=(3,))
t1.start()
t2.start()
t3.start()
t1.join()
t2.join()
t3.join()
