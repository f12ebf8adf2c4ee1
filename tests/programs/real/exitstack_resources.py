import threading
from contextlib import ExitStack, contextmanager

printer_lock = threading.Lock()
scanner_lock = threading.Lock()
log = []


@contextmanager
def resource(name):
    log.append(f"open {name}")
    try:
        yield name.upper()
    finally:
        log.append(f"close {name}")


def job(job_id, needs):
    with ExitStack() as stack:
        for lock in needs:
            stack.enter_context(lock)
        handle = stack.enter_context(resource(f"file{job_id}"))
        stack.callback(log.append, f"job {job_id} cleanup")
        log.append(f"job {job_id} uses {handle}")


threads = [
    threading.Thread(target=job, args=(1, [printer_lock])),
    threading.Thread(target=job, args=(2, [printer_lock, scanner_lock])),
]
for t in threads:
    t.start()
    t.join()
print("\n".join(log))
print("locks free:", not printer_lock.locked(), not scanner_lock.locked())
