"""`multiprocessing.pool.ThreadPool` and `multiprocessing.dummy.Pool`: the thread pool of
"parallelism in one line" (`pool.map(f, items)`), written in Python after CPython 3.13's
Lib/multiprocessing/pool.py and run as the program's code (stdlib/written.py), because its
calls wait: `map` and `AsyncResult.get` wait on an Event, its workers on their queue.

What a program sees is CPython's: the workers are daemon threads named `Thread-N (worker)`,
started first, then the three handler threads (`_handle_workers`, `_handle_tasks`,
`_handle_results`), which count in `active_count()`; `map` cuts the items into CPython's
chunks (`len(items) / (4 * workers)`, rounded up), each chunk one task; a task's exception is
raised again by `get()`; `close()` lets the queued tasks finish, `terminate()` (what the
`with` block's end calls) drops them; the messages are CPython's.

Simplified: the workers take the tasks straight off one queue (CPython's task handler moves
them there from another: ours only waits for the pool's end) and put each result on the queue
of the result handler, which sets it and runs its callbacks, as CPython's does. `terminate()`
leaves a task that is running behind, as CPython does, but waits for the idle workers to take
their sentinel and end (CPython's handler threads take that long).
`multiprocessing.TimeoutError` is the built-in TimeoutError.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..builtin import Builtin
from ..generators import PUSHED
from ..upcalls import UP
from . import os, queue, threading
from .written import library_classes

if TYPE_CHECKING:
    from ..classes import UserClass
    from ..machine import Machine, Thread

POOL = '''
def _make(Thread, Event, SimpleQueue, cpu_count):
    RUN, CLOSE, TERMINATE = "RUN", "CLOSE", "TERMINATE"

    def worker(inqueue, outqueue, initializer, initargs, busy):
        if initializer is not None:
            initializer(*initargs)
        while True:
            task = inqueue.get()
            if task is None:
                return
            busy[0] = True
            job, i, func, args, kwds = task
            try:
                result = (True, func(*args, **kwds))
            except Exception as e:
                result = (False, e)
            outqueue.put((job, i, result))
            busy[0] = False

    def _handle_workers(pool):
        pool._ended.wait()

    def _handle_tasks(pool):
        pool._ended.wait()

    def _handle_results(outqueue):
        while True:
            task = outqueue.get()
            if task is None:
                return
            job, i, obj = task
            job._set(i, obj)

    def mapstar(func, chunk):
        return [func(item) for item in chunk]

    def starmapstar(func, chunk):
        return [func(*item) for item in chunk]

    class ApplyResult:
        def __init__(self, pool, callback, error_callback):
            self._event = Event()
            self._callback = callback
            self._error_callback = error_callback

        def ready(self):
            return self._event.is_set()

        def successful(self):
            if not self.ready():
                raise ValueError(f"{self!r} not ready")
            return self._success

        def wait(self, timeout=None):
            self._event.wait(timeout)

        def get(self, timeout=None):
            self.wait(timeout)
            if not self.ready():
                raise TimeoutError
            if self._success:
                return self._value
            raise self._value

        def _set(self, i, obj):
            self._success, self._value = obj
            if self._callback and self._success:
                self._callback(self._value)
            if self._error_callback and not self._success:
                self._error_callback(self._value)
            self._event.set()

    AsyncResult = ApplyResult

    class MapResult(ApplyResult):
        def __init__(self, pool, chunksize, length, callback, error_callback):
            super().__init__(pool, callback, error_callback)
            self._success = True
            self._value = [None] * length
            self._chunksize = chunksize
            if chunksize <= 0:
                self._number_left = 0
                self._event.set()
            else:
                self._number_left = length // chunksize + bool(length % chunksize)

        def _set(self, i, success_result):
            self._number_left -= 1
            success, result = success_result
            if success and self._success:
                self._value[i * self._chunksize:(i + 1) * self._chunksize] = result
                if self._number_left == 0:
                    if self._callback:
                        self._callback(self._value)
                    self._event.set()
            else:
                if not success and self._success:
                    self._success = False
                    self._value = result
                if self._number_left == 0:
                    if self._error_callback:
                        self._error_callback(self._value)
                    self._event.set()

    class _Unordered:
        def __init__(self, pool):
            self._done = SimpleQueue()

        def _set(self, i, obj):
            self._done.put(obj)

    def _chunks(items, size):
        return [tuple(items[k:k + size]) for k in range(0, len(items), size)]

    class ThreadPool:
        def __init__(self, processes=None, initializer=None, initargs=()):
            if processes is None:
                processes = cpu_count() or 1
            if processes < 1:
                raise ValueError("Number of processes must be at least 1")
            if initializer is not None and not callable(initializer):
                raise TypeError("initializer must be a callable")
            self._state = RUN
            self._processes = processes
            self._inqueue = SimpleQueue()
            self._outqueue = SimpleQueue()
            self._ended = Event()
            self._pool = []
            self._busy = []
            for _ in range(processes):
                busy = [False]
                w = Thread(target=worker, args=(self._inqueue, self._outqueue, initializer,
                                                initargs, busy))
                w.daemon = True
                self._pool.append(w)
                self._busy.append(busy)
                w.start()
            self._handlers = []
            for handler, arg in ((_handle_workers, self), (_handle_tasks, self),
                                 (_handle_results, self._outqueue)):
                h = Thread(target=handler, args=(arg,))
                h.daemon = True
                self._handlers.append(h)
                h.start()

        def __repr__(self):
            return (f"<multiprocessing.pool.ThreadPool state={self._state} "
                    f"pool_size={len(self._pool)}>")

        def _check_running(self):
            if self._state != RUN:
                raise ValueError("Pool not running")

        def apply(self, func, args=(), kwds={}):
            return self.apply_async(func, args, kwds).get()

        def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
            self._check_running()
            result = ApplyResult(self, callback, error_callback)
            self._inqueue.put((result, 0, func, args, kwds))
            return result

        def map(self, func, iterable, chunksize=None):
            return self._map_async(func, iterable, mapstar, chunksize).get()

        def starmap(self, func, iterable, chunksize=None):
            return self._map_async(func, iterable, starmapstar, chunksize).get()

        def map_async(self, func, iterable, chunksize=None, callback=None,
                      error_callback=None):
            return self._map_async(func, iterable, mapstar, chunksize, callback,
                                   error_callback)

        def starmap_async(self, func, iterable, chunksize=None, callback=None,
                          error_callback=None):
            return self._map_async(func, iterable, starmapstar, chunksize, callback,
                                   error_callback)

        def _map_async(self, func, iterable, mapper, chunksize=None, callback=None,
                       error_callback=None):
            self._check_running()
            items = list(iterable)
            if chunksize is None:
                chunksize, extra = divmod(len(items), len(self._pool) * 4)
                if extra:
                    chunksize += 1
            if len(items) == 0:
                chunksize = 0
            result = MapResult(self, chunksize, len(items), callback, error_callback)
            if chunksize:
                for i, chunk in enumerate(_chunks(items, chunksize)):
                    self._inqueue.put((result, i, mapper, (func, chunk), {}))
            return result

        def imap(self, func, iterable, chunksize=1):
            self._check_running()
            if chunksize < 1:
                raise ValueError(f"Chunksize must be 1+, not {chunksize:n}")
            jobs = []
            for chunk in _chunks(list(iterable), chunksize):
                job = ApplyResult(self, None, None)
                self._inqueue.put((job, 0, mapstar, (func, chunk), {}))
                jobs.append(job)
            return self._in_order(jobs)

        def _in_order(self, jobs):
            for job in jobs:
                yield from job.get()

        def imap_unordered(self, func, iterable, chunksize=1):
            self._check_running()
            if chunksize < 1:
                raise ValueError(f"Chunksize must be 1+, not {chunksize:n}")
            job = _Unordered(self)
            chunks = _chunks(list(iterable), chunksize)
            for chunk in chunks:
                self._inqueue.put((job, 0, mapstar, (func, chunk), {}))
            return self._as_done(job, len(chunks))

        def _as_done(self, job, count):
            for _ in range(count):
                success, value = job._done.get()
                if not success:
                    raise value
                yield from value

        def close(self):
            if self._state == RUN:
                self._state = CLOSE
                for _ in self._pool:
                    self._inqueue.put(None)

        def terminate(self):
            if self._state == TERMINATE:
                return
            if self._state == RUN:
                while not self._inqueue.empty():
                    self._inqueue.get()
                for _ in self._pool:
                    self._inqueue.put(None)
            self._state = TERMINATE
            self._end(False)

        def join(self):
            if self._state == RUN:
                raise ValueError("Pool is still running")
            self._end(True)

        def _end(self, busy_too):
            for w, busy in zip(self._pool, self._busy):
                if busy_too or not busy[0]:
                    w.join()
            self._outqueue.put(None)
            self._ended.set()
            for h in self._handlers:
                h.join()

        def __enter__(self):
            self._check_running()
            return self

        def __exit__(self, exc_type, exc_val, exc_tb):
            self.terminate()

    return {"multiprocessing.pool.ThreadPool": ThreadPool,
            "multiprocessing.pool.ApplyResult": ApplyResult,
            "multiprocessing.pool.AsyncResult": AsyncResult,
            "multiprocessing.pool.MapResult": MapResult}

_made = _make(*_given)
'''


def pool_classes(m: Machine) -> dict[str, UserClass]:
    """The machine's written pool classes, by key."""
    return library_classes(m, "multiprocessing.pool", POOL, threading.TABLE["Thread"],
                           threading.TABLE["Event"],
                           queue.TABLE["SimpleQueue"], os.TABLE["cpu_count"])


def _thread_pool(m: Machine, th: Thread, *args: Any, **kwargs: Any) -> Any:
    """`ThreadPool(processes=None, initializer=None, initargs=())`: an object of the
    machine's own class, whose `__init__` starts the threads."""
    cls = pool_classes(m)["multiprocessing.pool.ThreadPool"]
    made, obj = UP.call_value(m, th, cls, list(args), kwargs)[:2]
    return obj if made else PUSHED


TABLE: dict[str, Any] = {
    "ThreadPool": Builtin("ThreadPool", _thread_pool, module="multiprocessing.pool")}
#: `multiprocessing.dummy`: its `Pool` is a function making a ThreadPool.
DUMMY_TABLE: dict[str, Any] = {
    "Pool": Builtin("Pool", _thread_pool, module="multiprocessing.dummy")}
#: `multiprocessing` itself: the names a thread pool's program takes from it.
PACKAGE_TABLE: dict[str, Any] = {"cpu_count": os.TABLE["cpu_count"]}

_PROCESSES = ("Interleave simulates the threads of one process: multiprocessing's processes "
              "are outside it (its thread pool, multiprocessing.pool.ThreadPool or "
              "multiprocessing.dummy.Pool, is simulated).")
HINT = f"{_PROCESSES} Supported from multiprocessing.pool: ThreadPool."
DUMMY_HINT = f"{_PROCESSES} Supported from multiprocessing.dummy: Pool."
PACKAGE_HINT = (f"{_PROCESSES} Supported from multiprocessing: cpu_count, TimeoutError, and "
                f"the modules multiprocessing.pool and multiprocessing.dummy.")
