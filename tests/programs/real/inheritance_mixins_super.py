import threading
import time


class LoggingMixin:
    log_lines = []
    _log_lock = threading.Lock()

    def log(self, msg):
        with self._log_lock:
            self.log_lines.append(f"[{type(self).__name__}:{self.name}] {msg}")


class Worker(LoggingMixin, threading.Thread):
    count = 0

    def __init__(self, name, jobs):
        super().__init__(name=name)
        self.jobs = list(jobs)
        self.done = 0
        Worker.count += 1

    @classmethod
    def make_many(cls, n, jobs):
        return [cls(f"{cls.__name__.lower()}-{i}", jobs) for i in range(n)]

    @staticmethod
    def describe(job):
        return job.upper() if isinstance(job, str) else repr(job)

    def handle(self, job):
        self.log(f"handled {self.describe(job)}")

    def run(self):
        for job in self.jobs:
            self.handle(job)
            self.done += 1
            time.sleep(0)


class RetryingWorker(Worker):
    def handle(self, job):
        for attempt in range(1, 3):
            if attempt == 1 and job == "flaky":
                self.log(f"attempt {attempt} failed for {job}")
                continue
            super().handle(job)
            break

    def __repr__(self):
        return f"<{type(self).__name__} {self.name} done={self.done}>"


workers = Worker.make_many(1, ["a", 7]) + RetryingWorker.make_many(1, ["flaky", "b"])
for w in workers:
    w.start()
    w.join()
print(*LoggingMixin.log_lines, sep="\n")
print(Worker.count, RetryingWorker.count, [w.done for w in workers], workers[-1])
print([c.__name__ for c in RetryingWorker.__mro__][:4], issubclass(RetryingWorker, LoggingMixin))
print(hasattr(workers[0], "log"), getattr(workers[0], "missing", "default"), vars(Worker).get("count"))
