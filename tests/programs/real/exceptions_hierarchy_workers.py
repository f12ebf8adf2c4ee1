import threading
import traceback


class PipelineError(Exception):
    """Base for pipeline failures."""

    def __init__(self, stage, message, *, retryable=False):
        super().__init__(f"[{stage}] {message}")
        self.stage = stage
        self.retryable = retryable


class ValidationError(PipelineError):
    def __init__(self, field, value):
        super().__init__("validate", f"bad {field}={value!r}")
        self.field = field


class TransientError(PipelineError):
    def __init__(self, message):
        super().__init__("fetch", message, retryable=True)

    def __str__(self):
        return super().__str__() + " (will retry)"


outcomes = {}
lock = threading.Lock()


def run_job(job_id, record):
    status = "pending"
    try:
        if record.get("timeout"):
            raise TransientError("upstream timed out")
        if not isinstance(record.get("qty"), int):
            raise ValidationError("qty", record.get("qty"))
        try:
            ratio = record["total"] / record["qty"]
        except ZeroDivisionError as exc:
            raise PipelineError("compute", "qty is zero") from exc
    except TransientError as exc:
        status = f"retry: {exc}"
    except PipelineError as exc:
        cause = type(exc.__cause__).__name__ if exc.__cause__ else None
        status = f"failed at {exc.stage}: {exc} (cause={cause}, retryable={exc.retryable})"
    else:
        status = f"ok ratio={ratio:.2f}"
    finally:
        with lock:
            outcomes[job_id] = status


jobs = [{"qty": 4, "total": 10}, {"qty": "4"}, {"timeout": True}, {"qty": 0, "total": 1},
        {"qty": 2, "total": 9}]
threads = [threading.Thread(target=run_job, args=(i, r)) for i, r in enumerate(jobs)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for job_id in sorted(outcomes):
    print(job_id, outcomes[job_id])
print(issubclass(ValidationError, PipelineError), ValidationError.__mro__[2].__name__,
      PipelineError.__doc__)
err = ValidationError("name", None)
print(repr(err), err.args, err.field, str(err))
