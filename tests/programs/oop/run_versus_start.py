# A classic lesson: run() executes in the caller's thread; start() makes a new one.
import threading


def report(tag):
    print(f"{tag}: running in {threading.current_thread().name}")


class Greeter(threading.Thread):
    def __init__(self, who):
        super().__init__()
        self.who = who
        self.name = f"Greeter-{who}"
        self.daemon = True

    def run(self):
        report(f"hello {self.who}")

    def start(self):
        print(f"starting {self.name} (daemon={self.daemon})")
        super().start()


plain = threading.Thread(target=report, args=("plain.run()",), name="PlainThread")
plain.run()
plain.start()
plain.join()

g = Greeter("ann")
g.run()
g.start()
g.join()

h = Greeter("bob")
threading.Thread.start(h)
h.join()
print(g.name, g.daemon, h.is_alive(), plain.is_alive())
try:
    g.start()
except RuntimeError as e:
    print("RuntimeError:", e)
