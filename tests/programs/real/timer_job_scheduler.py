import threading
import time


class Scheduler:
    def __init__(self):
        self.timers = {}
        self.log = []
        self.lock = threading.Lock()

    def schedule(self, name, delay, func, *args, **kwargs):
        timer = threading.Timer(delay, self._run, args=(name, func) + args, kwargs=kwargs)
        timer.name = f"timer-{name}"
        self.timers[name] = timer
        timer.start()
        return timer

    def _run(self, name, func, *args, **kwargs):
        result = func(*args, **kwargs)
        with self.lock:
            self.log.append((name, threading.current_thread().name, result))

    def cancel(self, name):
        self.timers[name].cancel()

    def wait_all(self):
        for timer in self.timers.values():
            timer.join()


def greet(who, punctuation="!"):
    return f"hello {who}{punctuation}"


sched = Scheduler()
sched.schedule("backup", 0.3, lambda: "backup done")
sched.schedule("greet", 0.1, greet, "world", punctuation="?")
sched.schedule("report", 0.2, sum, [1, 2, 3])
sched.schedule("spam", 0.15, print, "this should never print")
sched.cancel("spam")
print("spam finished flag:", sched.timers["spam"].finished.is_set())
sched.wait_all()
for entry in sched.log:
    print(entry)
print("alive:", [t.is_alive() for t in sched.timers.values()])

t = threading.Timer(0.05, print, ["one-shot timer fired"])
t.start()
time.sleep(0.1)
t.cancel()  # cancelling after it ran does nothing
print("interval:", t.interval, "function:", t.function.__name__)
