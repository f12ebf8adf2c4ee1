import threading
import queue
import time

class Job:
    _ids = iter(range(1, 1000))

    def __init__(self, kind, payload):
        self.id = next(Job._ids)
        self.kind = kind
        self.payload = payload
        self.result = None

    def __str__(self):
        return f"Job#{self.id}<{self.kind}>"

    def __repr__(self):
        return f"Job(id={self.id}, kind={self.kind!r}, payload={self.payload!r})"

class Worker(threading.Thread):
    handlers = {
        "upper": str.upper,
        "square": lambda x: x * x,
        "words": lambda s: len(s.split()),
    }

    def __init__(self, inbox, outbox, name):
        super().__init__(name=name)
        self.inbox, self.outbox = inbox, outbox
        self.done = 0

    def __str__(self):
        return f"{self.name} ({self.done} done)"

    def run(self):
        while (job := self.inbox.get()) is not None:
            try:
                job.result = self.handlers[job.kind](job.payload)
            except KeyError:
                job.result = f"no handler for {job.kind!r}"
            except Exception as e:
                job.result = f"{type(e).__name__}: {e}"
            self.done += 1
            time.sleep(0.001)
            self.outbox.put(job)

inbox, outbox = queue.Queue(), queue.Queue()
workers = [Worker(inbox, outbox, f"worker-{i}") for i in range(3)]
for w in workers:
    w.start()
jobs = [Job("upper", "hello"), Job("square", 12), Job("words", "a b c d"), Job("square", "x"),
        Job("fly", None), Job("upper", "threads")]
for j in jobs:
    inbox.put(j)
for _ in workers:
    inbox.put(None)
for w in workers:
    w.join()

finished = sorted((outbox.get() for _ in range(outbox.qsize())), key=lambda j: j.id)
for job in finished:
    print(f"{str(job):<16} -> {job.result!r}")
print(sum(w.done for w in workers), [repr(j) for j in jobs[:1]], outbox.empty())
print(sorted(str(w).split(" (")[0] for w in workers))
