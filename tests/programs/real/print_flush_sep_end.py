import threading
import time


def progress(name, steps):
    for i in range(steps):
        time.sleep(0.01)
    print(name, "done", sep=":", end=" |\n", flush=True)


threads = [threading.Thread(target=progress, args=(n, s)) for n, s in [("slow", 5), ("quick", 1)]]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("a", "b", "c", sep="")
print("no newline", end="")
print(" ...continued")
print(*range(5), sep=", ")
print()
print("%s has %d items costing %.2f" % ("cart", 3, 9.5))
print("{:<8}|{:^8}|{:>8}".format("left", "mid", "right"))
print("{0} {1} {0}".format("x", "y"), "{name}!".format(name="hi"))
