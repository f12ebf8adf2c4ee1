import sys
import threading


def worker(n):
    print(f"worker {n} starting")
    if n == 1:
        sys.exit("leaving early")
    print(f"worker {n} finished")


threads = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
for t in threads:
    t.start()
    t.join()
print("all joined; alive:", [t.is_alive() for t in threads])


def raiser():
    raise SystemExit(3)


t = threading.Thread(target=raiser)
t.start()
t.join()
print("SystemExit in a thread is silent")
