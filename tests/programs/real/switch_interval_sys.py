import sys
import threading

print("switch interval:", sys.getswitchinterval())
sys.setswitchinterval(0.001)
print("now:", sys.getswitchinterval())

total = 0
lock = threading.Lock()


def add(n):
    global total
    for _ in range(n):
        with lock:
            total += 1


threads = [threading.Thread(target=add, args=(1000,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("total:", total)
print(sys.version_info >= (3, 8), sys.version_info.major, sys.platform)
print("recursion limit:", sys.getrecursionlimit())
sys.stdout.write("written directly\n")
print("to stderr", file=sys.stderr)
