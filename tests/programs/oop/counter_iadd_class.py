import threading


class SafeCounter:
    def __init__(self, value=0):
        self.value = value
        self.lock = threading.Lock()

    def __iadd__(self, n):
        with self.lock:
            self.value += n
        return self

    def __int__(self):
        return self.value

    def __str__(self):
        return str(self.value)

    def __format__(self, spec):
        return format(self.value, spec)

    def __lt__(self, other):
        return self.value < int(other)


counter = SafeCounter()


def bump(times):
    global counter
    for _ in range(times):
        counter += 1


threads = [threading.Thread(target=bump, args=(500,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("counter =", counter)
print(f"padded: [{counter:>8}] hex: {counter:x}")
print("formatted: {:,}".format(counter))
print(int(counter) == 2000, counter < SafeCounter(3000))
print(format(counter, "08d"))
