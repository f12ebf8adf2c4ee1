import threading
import traceback
import logging
import sys

logging.basicConfig(level=logging.INFO, format="%(levelname)s:%(threadName)s:%(message)s", stream=sys.stdout)
log = logging.getLogger("jobs")

class JobError(Exception):
    """Base class for job failures."""

    def __init__(self, job_id, message):
        super().__init__(message)
        self.job_id = job_id

    def __str__(self):
        return f"[job {self.job_id}] {self.args[0]}"

class RetryableError(JobError):
    pass

class FatalError(JobError):
    pass

def risky(job_id):
    if job_id % 5 == 0:
        raise FatalError(job_id, "disk full")
    if job_id % 3 == 0:
        raise RetryableError(job_id, "timeout")
    if job_id == 7:
        return {}["missing"]
    return job_id * job_id

results, failures = {}, []
lock = threading.Lock()

def worker(job_ids):
    for job_id in job_ids:
        try:
            value = risky(job_id)
        except RetryableError as e:
            try:
                value = risky(job_id + 1)
            except (JobError, LookupError) as again:
                again.add_note(f"while retrying job {job_id}")
                with lock:
                    failures.append(again)
                continue
            log.info("job %d retried ok", job_id)
        except FatalError as e:
            with lock:
                failures.append(e)
            continue
        except LookupError as e:
            wrapped = JobError(job_id, "lookup failed")
            wrapped.__cause__ = e
            with lock:
                failures.append(wrapped)
            continue
        else:
            log.info("job %d ok", job_id)
        with lock:
            results[job_id] = value

threads = [threading.Thread(target=worker, args=(range(s, 13, 3),), name=f"w{s}") for s in (1, 2, 3)]
for t in threads:  # one at a time: their log lines come in a fixed order
    t.start()
    t.join()

print(dict(sorted(results.items())))
for f in sorted(failures, key=lambda e: getattr(e, "job_id", 0)):
    print(type(f).__name__, str(f), getattr(f, "__notes__", []), repr(f.__cause__))
print(issubclass(RetryableError, JobError), isinstance(failures[0], Exception), JobError.__doc__)
try:
    raise FatalError(99, "boom")
except JobError as e:
    lines = traceback.format_exception_only(type(e), e)
    print(lines[-1].strip(), e.args, e.job_id)
