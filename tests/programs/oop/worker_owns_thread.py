import threading
import time


class Worker:
    """Composition instead of inheritance: the object owns its thread."""

    def __init__(self, name, jobs):
        self.name = name
        self.jobs = jobs
        self.done = []
        self.stop_event = threading.Event()
        self.thread = threading.Thread(target=self.run_loop, name=name, daemon=True)

    def run_loop(self):
        for job in self.jobs:
            if self.stop_event.is_set():
                break
            time.sleep(0.05)
            self.done.append(job.upper())
        print(f"{threading.current_thread().name}: finished {len(self.done)} jobs")

    def start(self):
        self.thread.start()

    def stop(self):
        self.stop_event.set()

    def join(self, timeout=None):
        self.thread.join(timeout)

    def __str__(self):
        state = "running" if self.thread.is_alive() else "idle"
        return f"Worker<{self.name}, {state}, {len(self.done)} done>"


workers = [Worker("w1", ["a", "b"]), Worker("w2", ["c", "d", "e"])]
for w in workers:
    w.start()
for w in workers:
    w.join()
for w in workers:
    print(w, w.done, w.thread.daemon)
print(str(workers[0]) == "%s" % workers[0], "{}".format(workers[1]))
