"""The `queue.Queue` a program's class derives from (`class JobQueue(queue.PriorityQueue)`):
CPython 3.13's Python (Lib/queue.py, without `shutdown`), run as the program's code
(stdlib/written.py).

A queue the program makes directly is a primitive (stdlib/queue.py): each call one atomic
step. A subclass overrides what that primitive does inside its step (`_put`, `_get`, `_init`,
`put` calling `super().put`), so it gets CPython's own code instead: a mutex and three
Conditions, `_put` and `_get` called as methods, each acquire and wait a step of its own.
The class statement takes this class in place of the library's (bases.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import collections, heapq, queue, threading, time
from .written import library_classes

if TYPE_CHECKING:
    from ..classes import UserClass
    from ..machine import Machine

QUEUES = '''
def _make(Lock, Condition, deque, time, Empty, Full, heappush, heappop):
    class Queue:
        def __init__(self, maxsize=0):
            self.maxsize = maxsize
            self._init(maxsize)
            self.mutex = Lock()
            self.not_empty = Condition(self.mutex)
            self.not_full = Condition(self.mutex)
            self.all_tasks_done = Condition(self.mutex)
            self.unfinished_tasks = 0

        def task_done(self):
            with self.all_tasks_done:
                unfinished = self.unfinished_tasks - 1
                if unfinished <= 0:
                    if unfinished < 0:
                        raise ValueError("task_done() called too many times")
                    self.all_tasks_done.notify_all()
                self.unfinished_tasks = unfinished

        def join(self):
            with self.all_tasks_done:
                while self.unfinished_tasks:
                    self.all_tasks_done.wait()

        def qsize(self):
            with self.mutex:
                return self._qsize()

        def empty(self):
            with self.mutex:
                return not self._qsize()

        def full(self):
            with self.mutex:
                return 0 < self.maxsize <= self._qsize()

        def put(self, item, block=True, timeout=None):
            with self.not_full:
                if self.maxsize > 0:
                    if not block:
                        if self._qsize() >= self.maxsize:
                            raise Full
                    elif timeout is None:
                        while self._qsize() >= self.maxsize:
                            self.not_full.wait()
                    elif timeout < 0:
                        raise ValueError("'timeout' must be a non-negative number")
                    else:
                        endtime = time() + timeout
                        while self._qsize() >= self.maxsize:
                            remaining = endtime - time()
                            if remaining <= 0.0:
                                raise Full
                            self.not_full.wait(remaining)
                self._put(item)
                self.unfinished_tasks += 1
                self.not_empty.notify()

        def get(self, block=True, timeout=None):
            with self.not_empty:
                if not block:
                    if not self._qsize():
                        raise Empty
                elif timeout is None:
                    while not self._qsize():
                        self.not_empty.wait()
                elif timeout < 0:
                    raise ValueError("'timeout' must be a non-negative number")
                else:
                    endtime = time() + timeout
                    while not self._qsize():
                        remaining = endtime - time()
                        if remaining <= 0.0:
                            raise Empty
                        self.not_empty.wait(remaining)
                item = self._get()
                self.not_full.notify()
                return item

        def put_nowait(self, item):
            return self.put(item, block=False)

        def get_nowait(self):
            return self.get(block=False)

        def _init(self, maxsize):
            self.queue = deque()

        def _qsize(self):
            return len(self.queue)

        def _put(self, item):
            self.queue.append(item)

        def _get(self):
            return self.queue.popleft()

    class PriorityQueue(Queue):
        def _init(self, maxsize):
            self.queue = []

        def _qsize(self):
            return len(self.queue)

        def _put(self, item):
            heappush(self.queue, item)

        def _get(self):
            return heappop(self.queue)

    class LifoQueue(Queue):
        def _init(self, maxsize):
            self.queue = []

        def _qsize(self):
            return len(self.queue)

        def _put(self, item):
            self.queue.append(item)

        def _get(self):
            return self.queue.pop()

    return {"queue.Queue": Queue, "queue.PriorityQueue": PriorityQueue,
            "queue.LifoQueue": LifoQueue}

_made = _make(*_given)
'''

#: The library's classes a program's class may derive from in this module, by key.
DERIVABLE = frozenset({"queue.Queue", "queue.PriorityQueue", "queue.LifoQueue"})


def queue_classes(m: Machine) -> dict[str, UserClass]:
    """The machine's written queues, by key."""
    return library_classes(
        m, "queue", QUEUES, threading.TABLE["Lock"], threading.TABLE["Condition"],
        collections.TABLE["deque"], time.TABLE["monotonic"], queue.TABLE["Empty"],
        queue.TABLE["Full"], heapq.TABLE["heappush"], heapq.TABLE["heappop"])
