"""`concurrent.futures`: `ThreadPoolExecutor`, after CPython 3.13's
Lib/concurrent/futures/thread.py, and the module's table (the futures are in future.py).

The pool's workers are threads of the program, named and started exactly when CPython starts
them: `submit` puts the call on the pool's work queue, then (`_adjust_thread_count`) takes a
unit of the idle semaphore if it can, and otherwise starts a new worker while there are fewer
than `max_workers`, named `{thread_name_prefix}_{n}` (by default `ThreadPoolExecutor-{k}_{n}`,
k counting the pools made without a prefix). A worker takes the next call off the queue and,
finding it empty, releases the idle semaphore first, then waits (3.13.0's loop). So the thread
names a trace shows, and `threading.current_thread().name` in a task, are CPython's.

The workers' side (their loop, the work queue) is workers.py. Steps (docs/semantics.md):
`submit` is two, queue then adjust (the pool's lock, `_shutdown_lock`, is held between them:
a `shutdown` elsewhere waits), each of `map`'s calls the same two; `shutdown` is one, and with
`wait=True` one more once every worker has ended.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..arith import check_ranges
from ..builtin import Builtin
from ..calls import start_thread
from ..generators import Drawn, Pulled, rest
from ..iterators import ITERABLES, WaitingIter
from ..machine import seconds_ns
from ..primitives import Done, Pending, Primitive, Wait
from ..protocols import UserIter
from ..threadstate import ALIVE
from ..values import BoundMethod, ExceptionClass, Function, Thrown, fail, shown, type_name
from . import future as fut
from .os import CPU_COUNT
from .typing import Annotation
from .workers import WorkQueue, exiting, worker_code

if TYPE_CHECKING:
    from ..machine import Machine, Thread


class Executor(Primitive):
    """`concurrent.futures.ThreadPoolExecutor`."""

    kind = "ThreadPoolExecutor"
    type_name = "ThreadPoolExecutor"

    def __init__(self, max_workers: int | float, prefix: str, initializer: Any,
                 initargs: Any) -> None:
        super().__init__()
        self.max_workers = max_workers
        self.prefix = prefix
        self.initializer = initializer
        self.initargs = initargs
        self.work = WorkQueue(self)
        self.workers: list[int] = []
        self.shutdown = False
        self.broken = ""
        #: The thread inside `submit`/`map`/`shutdown` (CPython's `_shutdown_lock`).
        self.busy: int | None = None
        #: Per thread inside `submit` or `map` (which lets the lock go between two calls):
        #: [the calls it has still to queue, the futures it made, what it returns: "submit",
        #: or ("map", timeout, its deadline on the virtual clock)].
        self.batches: dict[int, list[Any]] = {}

    def __repr__(self) -> str:
        return "<concurrent.futures.thread.ThreadPoolExecutor object>"

    def describe(self) -> str:
        state = "shut down" if self.shutdown else f"{len(self.workers)}/{self.max_workers} workers"
        return f"{state}, {self.work.describe()}"

    def bind(self, name: str, args: tuple[Any, ...], kwargs: dict[Any, Any]) -> list[Any]:
        """`submit(fn, /, *args, **kwargs)`, `map(fn, *iterables, timeout=None, chunksize=1)`
        and `shutdown(wait=True, *, cancel_futures=False)`, with CPython's messages."""
        if name == "submit":
            if not args:
                raise fail("TypeError", "ThreadPoolExecutor.submit() missing 1 required "
                                        "positional argument: 'fn'")
            return [args[0], args[1:], kwargs]
        if name == "map":
            for key in kwargs:
                if key not in ("timeout", "chunksize"):
                    raise fail("TypeError", f"Executor.map() got an unexpected keyword "
                                            f"argument '{key}'")
            if not args:
                raise fail("TypeError", "Executor.map() missing 1 required positional "
                                        "argument: 'fn'")
            return [args[0], args[1:], kwargs.get("timeout")]
        if name == "__exit__":  # `shutdown(wait=True)`, whatever ended the block
            return [True, False]
        if name == "shutdown":
            if len(args) > 1:
                raise fail("TypeError", f"ThreadPoolExecutor.shutdown() takes from 1 to 2 "
                                        f"positional arguments but {len(args) + 1} were given")
            extra = set(kwargs) - {"wait", "cancel_futures"}
            if extra:
                raise fail("TypeError", f"ThreadPoolExecutor.shutdown() got an unexpected "
                                        f"keyword argument '{extra.pop()}'")
            if args and "wait" in kwargs:
                raise fail("TypeError", "ThreadPoolExecutor.shutdown() got multiple values "
                                        "for argument 'wait'")
            return [args[0] if args else kwargs.get("wait", True),
                    kwargs.get("cancel_futures", False)]
        return super().bind(name, args, kwargs)


def _make(m: Machine, th: Thread, max_workers: Any = None, thread_name_prefix: Any = "",
          initializer: Any = None, initargs: Any = ()) -> Executor:
    if max_workers is None:
        max_workers = min(32, CPU_COUNT + 4)
    if not isinstance(max_workers, int | float):
        raise fail("TypeError", f"'<=' not supported between instances of "
                                f"'{type_name(max_workers)}' and 'int'")
    if max_workers <= 0:
        raise fail("ValueError", "max_workers must be greater than 0")
    if initializer is not None and not isinstance(initializer, Function | Builtin):
        raise fail("TypeError", "initializer must be a callable")
    prefix = thread_name_prefix
    if not prefix:  # CPython's `_counter`: only pools without a prefix take a number
        count = m.globals.get(_COUNTER, 0)
        m.globals[_COUNTER] = count + 1
        prefix = f"ThreadPoolExecutor-{count}"
    pool = Executor(max_workers, str(prefix), initializer, initargs)
    pool.label = pool.prefix
    pool.work.label = f"{pool.prefix}'s work queue"
    return pool


#: The hidden global counting the pools made without a thread name prefix.
_COUNTER = ".ThreadPoolExecutor._counter"


# -- submit and map ------------------------------------------------------------------------------


def _name_of(fn: Any) -> str:
    code = getattr(fn, "code", None)
    return code.name if code is not None else getattr(fn, "name", type_name(fn))


def _call_text(fn: Any, args: tuple[Any, ...]) -> str:
    inner = ", ".join(shown(a) for a in args)
    text = f"{_name_of(fn)}({inner})"
    return text if len(text) <= 40 else text[:39] + "…)"


def _check_open(m: Machine, pool: Executor) -> None:
    """`submit`'s checks, with its messages."""
    if pool.broken:
        raise fail("BrokenThreadPool", pool.broken)
    if pool.shutdown:
        raise fail("RuntimeError", "cannot schedule new futures after shutdown")
    if exiting(m):
        raise fail("RuntimeError", "cannot schedule new futures after interpreter shutdown")


def _submit(m: Machine, th: Thread, pool: Primitive, args: list[Any]) -> Done | Pending:
    assert isinstance(pool, Executor)
    if th.wait is None:
        fn, fargs, fkwargs = args
        _check_open(m, pool)
        pool.batches[th.tid] = [[(fn, tuple(fargs), dict(fkwargs))], [], "submit"]
        return _queue(m, th, pool)
    return _next(m, th, pool)


def _map(m: Machine, th: Thread, pool: Primitive, args: list[Any]) -> Done | Pending:
    assert isinstance(pool, Executor)
    if th.wait is None:
        fn, iterables, timeout = args
        fut._timeout(timeout)
        check_ranges(iterables, m.program.budgets)
        calls: list[tuple[Any, tuple[Any, ...], dict[str, Any]]] = [
            (fn, tuple(a), {}) for a in zip(*_walked(m, th, iterables), strict=False)]
        _check_open(m, pool)
        end = None if timeout is None else m.clock + seconds_ns(timeout)
        pool.batches[th.tid] = [calls, [], ("map", timeout, end)]
        if not calls:
            return _returned(th, pool)
        return _queue(m, th, pool)
    return _next(m, th, pool)


def _walked(m: Machine, th: Thread, iterables: tuple[Any, ...]) -> list[Any]:
    """What `zip(*iterables)` walks in CPython's `map`: any iterable, a generator's or an
    iterator's items taken as zip asks for them (its code runs in this step: generators.rest),
    so an endless one (`itertools.count()`) stops at the shortest."""
    walked = []
    for it in iterables:
        source = rest(m, th, it)
        if not isinstance(source, (*ITERABLES, Pulled, Drawn, UserIter, WaitingIter)):
            raise fail("TypeError", f"'{type_name(it)}' object is not iterable")
        walked.append(source)
    return walked


def _queue(m: Machine, th: Thread, pool: Executor) -> Pending:
    """Under the pool's lock: a future for the next call, and the call on the work queue."""
    calls, made, _ = pool.batches[th.tid]
    fn, fargs, fkwargs = calls.pop(0)
    m.serial += 1
    future = fut.new_future(m, f"Future#{m.serial} ({_call_text(fn, fargs)})")
    made.append(future)
    pool.work.items.append((future, fn, fargs, fkwargs))
    pool.busy = th.tid
    th.wait = Wait(pool, False, phase="adjust")
    return Pending(f"submit {_call_text(fn, fargs)} to {pool.label}: queued as {future.label}")


def _next(m: Machine, th: Thread, pool: Executor) -> Done | Pending:
    if th.wait.phase == "queue":
        try:  # `map`'s next submit: the pool may have been shut down meanwhile
            _check_open(m, pool)
        except Thrown:
            th.wait = None
            del pool.batches[th.tid]
            raise
        return _queue(m, th, pool)
    text = _adjust(m, th, pool)
    pool.busy = None
    if pool.batches[th.tid][0]:
        th.wait = Wait(pool, False, phase="queue")
        return Pending(text)
    return _returned(th, pool, text)


def _returned(th: Thread, pool: Executor, text: str = "") -> Done:
    th.wait = None
    _, made, returns = pool.batches.pop(th.tid)
    if returns == "submit":
        return Done(made[0], text)
    return Done(fut.MapResults(made, returns[1], returns[2]),
                text or f"{pool.label}.map(): nothing to call")


def _adjust(m: Machine, th: Thread, pool: Executor) -> str:
    """`_adjust_thread_count`: an idle worker will take the call, or a new one starts."""
    work = pool.work
    if work.idle:
        work.idle -= 1
        return f"{pool.label}: an idle worker will take it (idle semaphore {work.idle + 1} → " \
               f"{work.idle})"
    n = len(pool.workers)
    if n >= pool.max_workers:
        return f"{pool.label}: all {n} workers are busy, the call waits in the queue"
    worker = m.new_thread(th, f"{pool.prefix}_{n}", Function(worker_code()),
                          (work, pool.initializer, pool.initargs), {}, False)
    pool.workers.append(worker.tid)
    start_thread(m, worker)
    m.handoff = worker.tid  # its `t.start()` waits for it to run, as Thread.start does
    return f"{pool.label}: no idle worker, starts {worker.name}"


def _held(m: Machine, th: Thread, pool: Primitive, args: list[Any]) -> str | None:
    assert isinstance(pool, Executor)
    if pool.busy is not None and pool.busy != th.tid:
        return f"blocked: {m.threads[pool.busy].name} holds {pool.label}'s lock (in submit)"
    w = th.wait
    if w is not None and w.obj is pool and w.phase == "join":
        left = [m.threads[t].name for t in pool.workers if m.threads[t].state == ALIVE]
        if left:
            return f"waiting for {pool.label}'s workers to finish: {', '.join(left)}"
    return None


# -- shutdown -----------------------------------------------------------------------------------


def _shutdown(m: Machine, th: Thread, pool: Primitive, args: list[Any]) -> Done | Pending:
    assert isinstance(pool, Executor)
    if th.wait is not None:
        th.wait = None
        return Done(None, f"{pool.label}: every worker has finished")
    wait, cancel_futures = args if args else (True, False)
    pool.shutdown = True
    work = pool.work
    cancelled = 0
    if cancel_futures:
        items, work.items = work.items, []
        for item in items:
            if item is not None:
                cancelled += item[0].cancel(m, th)
    work.items.append(None)
    text = f"shutdown {pool.label}" + (f": cancels {cancelled} queued calls" if cancelled
                                       else "")
    if wait and th.tid in pool.workers:  # `t.join()` of itself, among the pool's threads
        raise fail("RuntimeError", "cannot join current thread")
    if wait and any(m.threads[t].state == ALIVE for t in pool.workers):
        th.wait = Wait(pool, False, phase="join")
        return Pending(text + ", waits for its workers")
    return Done(None, text)


def _enter(m: Machine, th: Thread, pool: Primitive, args: list[Any]) -> Done:
    return Done(pool, f"enter {pool.label}")


Executor.METHODS = {"submit": _submit, "map": _map, "shutdown": _shutdown,
                    "__enter__": _enter, "__exit__": _shutdown}
Executor.READY = {"submit": _held, "map": _held, "shutdown": _held, "__exit__": _held}
#: The private attributes tutorials print (`executor._max_workers`, the default's size).
Executor.PROPERTIES = {
    "_max_workers": lambda p: p.max_workers,  # type: ignore[attr-defined]
    "_thread_name_prefix": lambda p: p.prefix,  # type: ignore[attr-defined]
    "_shutdown": lambda p: p.shutdown,  # type: ignore[attr-defined]
    "_initializer": lambda p: p.initializer,  # type: ignore[attr-defined]
    "_initargs": lambda p: p.initargs,  # type: ignore[attr-defined]
}


def _future(m: Machine, th: Thread) -> fut.Future:
    m.serial += 1
    return fut.new_future(m, f"Future#{m.serial}")


def _module(name: str, fn: Any, shared: str = "never") -> Builtin:
    return Builtin(name, fn, shared, "concurrent.futures")


TABLE: dict[str, Any] = {
    "ThreadPoolExecutor": _module("ThreadPoolExecutor", _make),
    "Future": _module("Future", _future),
    "as_completed": _module("as_completed", fut.as_completed, "containers"),
    "wait": BoundMethod(fut.WAITING, "wait"),
    # The abstract base class: for annotations (`pool: Executor`), as typing's names are.
    "Executor": Annotation("concurrent.futures", "Executor"),
    "FIRST_COMPLETED": fut.FIRST_COMPLETED, "FIRST_EXCEPTION": fut.FIRST_EXCEPTION,
    "ALL_COMPLETED": fut.ALL_COMPLETED,
    **{name: ExceptionClass(name) for name in (
        "CancelledError", "TimeoutError", "InvalidStateError", "BrokenExecutor")},
}
HINT = ("Supported from concurrent.futures: " + ", ".join(sorted(TABLE)) + " (threads only: "
        "a ProcessPoolExecutor's processes are outside the simulation).")
#: `import concurrent.futures` binds `concurrent`, whose only name is the package `futures`.
PACKAGE_HINT = "Use `import concurrent.futures` or `from concurrent.futures import …`."
