# SuperFastPython-style tour of threading.Barrier: parties, n_waiting, action, abort, reset
from threading import Barrier, BrokenBarrierError, Thread, current_thread
from time import sleep
from random import Random


def report():
    print("Barrier action: all parties have arrived", flush=True)


def task(barrier, number, rng):
    value = rng.randint(1, 5)
    sleep((number + 1) / 10)
    print(f"Thread {number} done, got: {value}", flush=True)
    try:
        index = barrier.wait()
        if index == 0:
            print(f"Thread {number} was the last to arrive", flush=True)
    except BrokenBarrierError:
        print(f"Thread {number} saw a broken barrier", flush=True)


def main():
    rng = Random(42)
    barrier = Barrier(5, action=report)
    print(f"parties={barrier.parties} waiting={barrier.n_waiting} broken={barrier.broken}")
    workers = [Thread(target=task, args=(barrier, i, Random(rng.random())), name=f"W{i}")
               for i in range(4)]
    for worker in workers:
        worker.start()
    sleep(0.6)
    print(f"Main thread waiting: {barrier.n_waiting} others are waiting")
    barrier.wait()
    for worker in workers:
        worker.join()
    print("All done, broken:", barrier.broken)

    # an aborted barrier
    barrier2 = Barrier(3)
    released = []
    def waiter(n):
        try:
            barrier2.wait(timeout=5)
        except BrokenBarrierError:
            released.append(n)
    threads = [Thread(target=waiter, args=(n,)) for n in range(2)]
    for t in threads:
        t.start()
    sleep(0.2)
    barrier2.abort()
    for t in threads:
        t.join()
    print("released by abort:", sorted(released))
    print("broken after abort:", barrier2.broken)
    barrier2.reset()
    print("broken after reset:", barrier2.broken, "waiting:", barrier2.n_waiting)
    try:
        Barrier(2).wait(timeout=0.1)
    except BrokenBarrierError:
        print("timed out alone:", current_thread().name)


if __name__ == "__main__":
    main()
