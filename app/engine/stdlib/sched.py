"""`sched`: the event scheduler (`sched.scheduler(time.time, time.sleep)`, the job scheduler
of PyMOTW and of lessons that run one in a thread), CPython 3.13's Lib/sched.py written in
Python and run as the program's code (stdlib/written.py): its `run()` sleeps until each
event's time on the virtual clock and calls its action, each a step of its thread, and its
queue is guarded by an RLock, as CPython's is, so events entered from other threads are seen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..builtin import Builtin
from ..generators import PUSHED
from ..upcalls import UP
from . import collections, heapq, itertools, threading, time
from .written import library_classes

if TYPE_CHECKING:
    from ..machine import Machine, Thread

SCHED = '''
def _make(namedtuple, count, heappush, heappop, heapify, RLock, monotonic, sleep):
    Event = namedtuple("Event", "time, priority, sequence, action, argument, kwargs")
    _sentinel = object()

    class scheduler:
        def __init__(self, timefunc=monotonic, delayfunc=sleep):
            self._queue = []
            self._lock = RLock()
            self.timefunc = timefunc
            self.delayfunc = delayfunc
            self._sequence_generator = count()

        def enterabs(self, time, priority, action, argument=(), kwargs=_sentinel):
            if kwargs is _sentinel:
                kwargs = {}
            with self._lock:
                event = Event(time, priority, next(self._sequence_generator),
                              action, argument, kwargs)
                heappush(self._queue, event)
            return event

        def enter(self, delay, priority, action, argument=(), kwargs=_sentinel):
            time = self.timefunc() + delay
            return self.enterabs(time, priority, action, argument, kwargs)

        def cancel(self, event):
            with self._lock:
                self._queue.remove(event)
                heapify(self._queue)

        def empty(self):
            with self._lock:
                return not self._queue

        def run(self, blocking=True):
            lock = self._lock
            q = self._queue
            delayfunc = self.delayfunc
            timefunc = self.timefunc
            while True:
                with lock:
                    if not q:
                        break
                    (time, priority, sequence, action, argument, kwargs) = q[0]
                    now = timefunc()
                    if time > now:
                        delay = True
                    else:
                        delay = False
                        heappop(q)
                if delay:
                    if not blocking:
                        return time - now
                    delayfunc(time - now)
                else:
                    action(*argument, **kwargs)
                    delayfunc(0)

        @property
        def queue(self):
            with self._lock:
                events = self._queue[:]
            return [heappop(events) for _ in range(len(events))]

    return {"sched.scheduler": scheduler}

_made = _make(*_given)
'''


def _scheduler(m: Machine, th: Thread, *args: Any, **kwargs: Any) -> Any:
    """`sched.scheduler(timefunc=time.monotonic, delayfunc=time.sleep)`: an object of the
    machine's own class (stdlib/written.py)."""
    cls = library_classes(m, "sched", SCHED, collections.TABLE["namedtuple"],
                          itertools.TABLE["count"], heapq.TABLE["heappush"],
                          heapq.TABLE["heappop"], heapq.TABLE["heapify"],
                          threading.TABLE["RLock"], time.TABLE["monotonic"],
                          time.TABLE["sleep"])["sched.scheduler"]
    made, obj = UP.call_value(m, th, cls, list(args), kwargs)[:2]
    return obj if made else PUSHED


TABLE: dict[str, Any] = {"scheduler": Builtin("scheduler", _scheduler, module="sched")}
HINT = "Supported from sched: scheduler."
