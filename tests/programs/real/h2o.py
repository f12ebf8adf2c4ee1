import threading

class H2O:
    def __init__(self):
        self.h = threading.Semaphore(2)
        self.o = threading.Semaphore(1)
        self.barrier = threading.Barrier(3)
        self.molecules = []
        self.lock = threading.Lock()

    def hydrogen(self, release):
        with self.h:
            self.barrier.wait()
            release("H")

    def oxygen(self, release):
        with self.o:
            self.barrier.wait()
            release("O")

out = []
lock = threading.Lock()
def release(atom):
    with lock:
        out.append(atom)

water = H2O()
atoms = "HHOHHOOHH" + "HHO"
threads = []
for a in atoms:
    fn = water.hydrogen if a == "H" else water.oxygen
    threads.append(threading.Thread(target=fn, args=(release,)))
for t in threads:
    t.start()
for t in threads:
    t.join()
s = "".join(out)
print(len(s), s.count("H"), s.count("O"))
ok = all(sorted(s[i:i+3]) == ["H", "H", "O"] for i in range(0, len(s), 3))
print("molecules well formed:", ok)
