import heapq
import threading
import time
from concurrent.futures import ThreadPoolExecutor, Future
from dataclasses import dataclass, field
from typing import Callable


@dataclass(order=True)
class ScheduledJob:
    run_at: float
    name: str = field(compare=False)
    action: Callable = field(compare=False)
    future: Future = field(compare=False, default_factory=Future)


class JobScheduler:
    def __init__(self, workers=2):
        self._heap: list[ScheduledJob] = []
        self._cv = threading.Condition()
        self._stopped = False
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="job")
        self._clock = 0.0
        self._dispatcher = threading.Thread(target=self._dispatch, name="dispatcher")
        self._dispatcher.start()

    def schedule(self, delay, name, action):
        job = ScheduledJob(delay, name, action)
        with self._cv:
            heapq.heappush(self._heap, job)
            self._cv.notify()
        return job.future

    def _dispatch(self):
        while True:
            with self._cv:
                while not self._heap and not self._stopped:
                    self._cv.wait()
                if self._stopped and not self._heap:
                    return
                job = heapq.heappop(self._heap)
            time.sleep(max(0.0, job.run_at - self._clock) / 10)
            self._clock = max(self._clock, job.run_at)
            inner = self._pool.submit(job.action)
            inner.add_done_callback(lambda f, job=job: job.future.set_result((job.name, f.result())))

    def shutdown(self):
        with self._cv:
            self._stopped = True
            self._cv.notify_all()
        self._dispatcher.join()
        self._pool.shutdown(wait=True)


sched = JobScheduler()
futs = [sched.schedule(0.3, "cleanup", lambda: "temp files removed"),
        sched.schedule(0.1, "email", lambda: "3 emails sent"),
        sched.schedule(0.2, "backup", lambda: sum(range(1000)))]
for f in futs:
    print(f.result(timeout=2))
sched.shutdown()
print("all done:", all(f.done() for f in futs))
