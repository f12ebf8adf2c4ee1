"""A thread pool's workers (concurrent.futures.ThreadPoolExecutor, futures.py): the loop each
runs, CPython 3.13.0's `_worker` (Lib/concurrent/futures/thread.py) in Python, compiled by
our compiler, and the pool's work queue its steps go through.

The loop is the program's kind of code: a call of the queue (`work.take()`, `work.finish(…)`)
is a step, and the task is called as any function is, so its own steps are the worker's. A
worker takes the next call with `get_nowait()`; finding the queue empty it first releases
the pool's idle semaphore (so the next `submit` starts no new worker), then waits. None on
the queue (`shutdown`) ends it, and it leaves the None there for the others; so does the end
of the program once the queue is empty (CPython's `_python_exit`, which puts None on every
pool's queue before the interpreter joins its threads).
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from ..code import COMPILERS, Code
from ..machine import SHUT_DOWN
from ..primitives import Done, Pending, Primitive, Wait
from ..threadstate import ALIVE
from ..values import SimException, shown
from . import future as fut

if TYPE_CHECKING:
    from ..machine import Machine, Thread
    from .futures import Executor

#: CPython's `_worker` (thread.py), run by each worker thread; `work` is the pool's queue.
WORKER = '''
def _worker(work, initializer, initargs):
    if initializer is not None:
        try:
            initializer(*initargs)
        except BaseException:
            work.broken()
            return
    while True:
        item = work.take()
        if item is None:
            return
        if item:
            future, fn, args, kwargs = item
            try:
                result = fn(*args, **kwargs)
            except BaseException as exc:
                callbacks = work.fail(future, exc)
            else:
                callbacks = work.finish(future, result)
            for callback in callbacks:
                try:
                    callback(future)
                except Exception:
                    pass
            # CPython's `del work_item`; here it also makes a worker between two calls the
            # same state whichever call it ran, so the explorer merges those states.
            future = fn = args = kwargs = result = exc = callbacks = callback = None
'''
BROKEN = "A thread initializer failed, the thread pool is not usable anymore"


@cache
def worker_code() -> Code:
    return COMPILERS.function(WORKER)


class WorkQueue(Primitive):
    """The pool's `SimpleQueue` of calls and its idle semaphore; only its workers see it."""

    kind = "SimpleQueue"

    def __init__(self, pool: Executor) -> None:
        super().__init__()
        self.pool = pool
        #: (future, fn, args, kwargs) per call; None: shut down.
        self.items: list[tuple[Any, ...] | None] = []
        self.idle = 0

    def describe(self) -> str:
        calls = sum(item is not None for item in self.items)
        end = ", shutting down" if None in self.items else ""
        return f"{calls} queued, idle semaphore {self.idle}{end}"



def exiting(m: Machine) -> bool:
    """MainThread's code is over (it has ended, or calls the atexit functions): CPython's
    `_python_exit` (run before the interpreter joins its threads) has told every pool's
    workers to end once their queue is empty."""
    return m.threads[0].state != ALIVE or SHUT_DOWN in m.globals



def _take(m: Machine, th: Thread, work: Primitive, args: list[Any]) -> Done | Pending:
    """`work_queue.get_nowait()`, or on Empty: release the idle semaphore and `get()`."""
    assert isinstance(work, WorkQueue)
    if not work.items and exiting(m):
        th.wait = None
        return Done(None, "the program has ended (interpreter shutdown): ends")
    if not work.items:
        work.idle += 1
        th.wait = Wait(work, False, phase="idle")
        return Pending(f"no work: idle (idle semaphore {work.idle - 1} → {work.idle}), waits")
    th.wait = None
    item = work.items[0]
    if item is None:  # shut down: leave the None for the other workers, and end
        return Done(None, f"takes the shutdown signal from {work.pool.label}: ends")
    work.items.pop(0)
    future = item[0]
    if future.state == fut.CANCELLED:
        future.complete(m, fut.CANCELLED_AND_NOTIFIED)
        return Done((), f"takes {future.label}: it was cancelled, skips it")
    future.state = fut.RUNNING
    future.runner = th.tid
    return Done(item, f"takes {future.label}: running")


def _take_ready(m: Machine, th: Thread, work: Primitive, args: list[Any]) -> str | None:
    assert isinstance(work, WorkQueue)
    if th.wait is None or work.items or exiting(m):
        return None
    return f"idle: waiting for work from {work.pool.label}"


def _settled(name: str) -> Any:
    def run(m: Machine, th: Thread, work: Primitive, args: list[Any]) -> Done:
        future, value = args
        if name == "finish":
            callbacks = future.settle(m, value, None)
            text = f"{future.label} finished: returned {shown(value)}"
        else:
            callbacks = future.settle(m, None, value)
            text = f"{future.label} finished: raised {value}"
        return Done(callbacks, text)
    return run


def _broken(m: Machine, th: Thread, work: Primitive, args: list[Any]) -> Done:
    """`_initializer_failed`: the pool is broken, every queued call fails."""
    assert isinstance(work, WorkQueue)
    work.pool.broken = BROKEN
    items, work.items = work.items, []
    for item in items:
        if item is not None:
            fut.run_callbacks(m, th, item[0], item[0].settle(
                m, None, SimException("BrokenThreadPool", (BROKEN,))))
    return Done(None, f"the initializer failed: {work.pool.label} is broken")


WorkQueue.METHODS = {"take": _take, "finish": _settled("finish"), "fail": _settled("fail"),
                     "broken": _broken}
WorkQueue.READY = {"take": _take_ready}
WorkQueue.SIGNATURES = {"finish": (("future", "value"), ()), "fail": (("future", "value"), ())}
