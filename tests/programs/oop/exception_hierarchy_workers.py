import threading


class TaskError(Exception):
    """Base class for task failures."""

    def __init__(self, task_id, message="task failed"):
        super().__init__(message)
        self.task_id = task_id

    def __str__(self):
        return f"[task {self.task_id}] {self.args[0]}"


class RetryableError(TaskError):
    def __init__(self, task_id, attempts):
        super().__init__(task_id, f"failed after {attempts} attempts")
        self.attempts = attempts


class FatalError(TaskError):
    pass


errors = []
errors_lock = threading.Lock()


def run_task(task_id):
    try:
        if task_id % 3 == 0:
            raise FatalError(task_id)
        if task_id % 2 == 0:
            raise RetryableError(task_id, attempts=task_id)
        return task_id
    except TaskError as exc:
        with errors_lock:
            errors.append(exc)


threads = [threading.Thread(target=run_task, args=(i,)) for i in range(1, 7)]
for t in threads:
    t.start()
for t in threads:
    t.join()

for exc in sorted(errors, key=lambda e: e.task_id):
    kind = type(exc).__name__
    extra = f" attempts={exc.attempts}" if isinstance(exc, RetryableError) else ""
    print(f"{kind}: {exc}{extra}")
print(repr(FatalError(9)))
print(FatalError(1).args, issubclass(RetryableError, Exception))
try:
    raise RetryableError(7, 3) from ValueError("io")
except TaskError as e:
    print("caught", e, "cause:", repr(e.__cause__))
