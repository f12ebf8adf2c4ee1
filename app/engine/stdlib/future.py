"""`concurrent.futures.Future` and the ways to wait for futures: `result()`, `as_completed`,
`wait`, and the iterator `Executor.map` returns, after CPython 3.13's
Lib/concurrent/futures/_base.py.

A future's state is CPython's: PENDING, RUNNING, CANCELLED, CANCELLED_AND_NOTIFIED (a worker
has reached a cancelled call and told the waiters), FINISHED. Every method is one step (CPython
runs each under the future's condition); one that must wait (`result()`, `exception()`, `wait`,
the next item of `as_completed` or of `map`'s results) is a step the thread cannot take until
the future is done, like a lock's acquire, and with a timeout it can always take it: then, if
the future is not done, it raises CPython's TimeoutError (time is a schedule choice).

`as_completed` and `wait` count a future as completed once FINISHED or CANCELLED_AND_NOTIFIED,
as CPython's waiters do (a future cancelled by `shutdown(cancel_futures=True)` never is).
Futures complete in an order the machine numbers (`Future.seq`): `as_completed` yields them in
it, which is CPython's order except among the futures already done when it starts, which
CPython yields in the order of a set of objects (by address), and we in completion order.

Callbacks (`add_done_callback`) run where CPython runs them: in the worker that finished the
call, as its own steps (the worker's loop in futures.py), or, for a future already done or
being cancelled, inside the step of the thread that asked (nested.call_now). An exception a
callback raises is swallowed, as CPython logs and swallows it.
"""

from __future__ import annotations

from collections import namedtuple
from typing import TYPE_CHECKING, Any

from ..calls import SAFE_METHODS
from ..generators import Drawn, Pulled, rest
from ..iterators import ITERABLES, WaitingIter
from ..machine import seconds_ns
from ..nested import call_now
from ..primitives import Done, Pending, Primitive, Wait, positive, start_timer, time_out
from ..protocols import UserIter
from ..threadstate import YIELD
from ..tracebacks import raised_by_result
from ..upcalls import PENDING as STAYS
from ..values import ExceptionClass, SimException, Thrown, fail, is_subclass, shown, type_name

if TYPE_CHECKING:
    from ..machine import Machine, Thread

PENDING, RUNNING, FINISHED = "PENDING", "RUNNING", "FINISHED"
CANCELLED, CANCELLED_AND_NOTIFIED = "CANCELLED", "CANCELLED_AND_NOTIFIED"
FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED = (
    "FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED")
_CANCELLED = (CANCELLED, CANCELLED_AND_NOTIFIED)
_DONE = (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED)
_COMPLETED = (CANCELLED_AND_NOTIFIED, FINISHED)
_WORDS = {PENDING: "pending", RUNNING: "running", CANCELLED: "cancelled",
          CANCELLED_AND_NOTIFIED: "cancelled", FINISHED: "finished"}

#: What `wait` returns: CPython's named tuple of two sets.
DoneAndNotDoneFutures = namedtuple("DoneAndNotDoneFutures", "done not_done")
SAFE_METHODS[DoneAndNotDoneFutures] = SAFE_METHODS[tuple] | {"_asdict", "_replace"}


class Future(Primitive):
    """`concurrent.futures.Future`. `number` counts the machine's futures in the order they
    were made, and is its hash; `seq` numbers its completion among the machine's.

    A set of futures (what `wait` returns, `set(fs)`, `{pool.submit(f) for …}`) iterates in
    the order of its items' hashes. CPython's are the futures' addresses, so its order is
    arbitrary, and a program that prints a set of futures prints it in no order one can
    reproduce; ours are their numbers, as a set of threads is ordered by the threads'
    numbers, so the order is the same in every run and replay, and for a set of futures
    made one after the other (fewer than its table's size apart) the order they were made
    in."""

    kind = "Future"
    type_name = "Future"

    def __init__(self, number: int) -> None:
        super().__init__()
        self.number = number
        self.state = PENDING
        self.result: Any = None
        self.exception: SimException | None = None
        self.callbacks: list[Any] = []
        self.seq = 0
        #: The worker running the call, while it runs (what a thread waiting for it waits
        #: for, in a deadlock's report).
        self.runner: int | None = None

    def __repr__(self) -> str:
        words = _WORDS[self.state]
        if self.state == FINISHED:
            if self.exception is not None:
                return f"<Future state={words} raised {self.exception.type}>"
            return f"<Future state={words} returned {type_name(self.result)}>"
        return f"<Future state={words}>"

    def describe(self) -> str:
        words = _WORDS[self.state]
        if self.state == FINISHED:
            if self.exception is not None:
                return f"{words}: raised {self.exception.type}"
            return f"{words}: returned {shown(self.result)}"
        return words

    def __hash__(self) -> int:
        return self.number

    def wait_over(self) -> bool:
        return self.done

    @property
    def done(self) -> bool:
        return self.state in _DONE

    @property
    def completed(self) -> bool:
        """Done as `as_completed` and `wait` see it (see the module's docstring)."""
        return self.state in _COMPLETED

    def complete(self, m: Machine, state: str) -> None:
        self.state = state
        m.serial += 1
        self.seq = m.serial

    def settle(self, m: Machine, result: Any, exception: SimException | None) -> tuple[Any, ...]:
        """`set_result` / `set_exception`: finish, and the callbacks to run now."""
        if self.state in _DONE:
            raise fail("InvalidStateError", f"{self.state}: {self!r}")
        self.result, self.exception = result, exception
        self.runner = None
        self.complete(m, FINISHED)
        return tuple(self.callbacks)

    def cancel(self, m: Machine, th: Thread) -> bool:
        if self.state in (RUNNING, FINISHED):
            return False
        if self.state == PENDING:
            self.state = CANCELLED
            run_callbacks(m, th, self, tuple(self.callbacks))
        return True


#: The hidden global counting the futures a machine has made (`Future.number`).
_COUNT = ".Future.count"


def new_future(m: Machine, label: str) -> Future:
    """A pending future, numbered and named (its label in the trace)."""
    number = m.globals.get(_COUNT, 0)
    m.globals[_COUNT] = number + 1
    made = Future(number)
    made.label = label
    return made


def run_callbacks(m: Machine, th: Thread, fut: Future, callbacks: tuple[Any, ...]) -> None:
    """Callbacks run inside the current step; an Exception they raise is swallowed (CPython
    logs it: 'exception calling callback for <Future …>')."""
    for callback in callbacks:
        try:
            call_now(m, th, callback, [fut])
        except Thrown as e:
            if not is_subclass(e.exc.type, "Exception"):
                raise


def _outcome(fut: Future) -> Any:
    """`__get_result`: the result, or the call's exception raised again."""
    if fut.state in _CANCELLED:
        raise fail("CancelledError")
    if fut.exception is not None:
        raise Thrown(fut.exception)
    return fut.result


def _timeout(value: Any) -> Any:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int | float)):
        raise fail("TypeError", f"'>' not supported between instances of "
                                f"'{type_name(value)}' and 'int'")
    return value


def _timed(m: Machine, th: Thread, fut: Future, timeout: Any) -> Pending | None:
    """A timed `result(timeout)` or `exception(timeout)` of a future not yet done: a wait of
    up to `timeout` seconds on the virtual clock, as CPython's condition wait (a Pending, the
    first of two steps), after which the future is done or the call times out (TimeoutError).
    None when the future is done, or there is nothing to wait for."""
    w = th.wait
    if w is not None and w.obj is fut:
        th.wait = None
        if not fut.done:
            time_out(m, w)
            raise fail("TimeoutError")
        return None
    if fut.done:
        return None
    if positive(_timeout(timeout)):
        th.wait = Wait(fut, True)
        start_timer(m, th, th.wait, timeout)
        return Pending(f"waits up to {shown(timeout)} s for {fut.label}")
    raise fail("TimeoutError")  # only a timed call gets here: READY makes others wait


def _result(m: Machine, th: Thread, fut: Primitive, args: list[Any]) -> Done | Pending:
    assert isinstance(fut, Future)
    waits = _timed(m, th, fut, args[0])
    if waits is not None:
        return waits
    if fut.exception is not None and fut.state not in _CANCELLED:
        raised_by_result(fut.exception)
    value = _outcome(fut)
    return Done(value, f"{fut.label}.result() → {shown(value)}")


def _exception(m: Machine, th: Thread, fut: Primitive, args: list[Any]) -> Done | Pending:
    assert isinstance(fut, Future)
    _timeout(args[0])
    if fut.state in _CANCELLED:
        raise fail("CancelledError")
    waits = _timed(m, th, fut, args[0])
    if waits is not None:
        return waits
    if fut.state in _CANCELLED:
        raise fail("CancelledError")
    return Done(fut.exception, f"{fut.label}.exception() → {shown(fut.exception)}")


def _waiting(m: Machine, th: Thread, fut: Primitive, args: list[Any]) -> str | None:
    assert isinstance(fut, Future)
    if fut.done or args[0] is not None:
        return None
    return f"waiting for the result of {fut.label} ({_WORDS[fut.state]})"


def _query(name: str, states: tuple[str, ...]) -> Any:
    def run(m: Machine, th: Thread, fut: Primitive, args: list[Any]) -> Done:
        assert isinstance(fut, Future)
        answer = fut.state in states
        return Done(answer, f"{fut.label}.{name}() → {answer}")
    return run


def _cancel(m: Machine, th: Thread, fut: Primitive, args: list[Any]) -> Done:
    assert isinstance(fut, Future)
    answer = fut.cancel(m, th)
    return Done(answer, f"{fut.label}.cancel() → {answer}")


def _add_done_callback(m: Machine, th: Thread, fut: Primitive, args: list[Any]) -> Done:
    assert isinstance(fut, Future)
    (fn,) = args
    if not fut.done:
        fut.callbacks.append(fn)
        return Done(None, f"{fut.label}.add_done_callback(…): runs when it is done")
    run_callbacks(m, th, fut, (fn,))
    return Done(None, f"{fut.label}.add_done_callback(…): done already, called now")


def _setter(name: str) -> Any:
    def run(m: Machine, th: Thread, fut: Primitive, args: list[Any]) -> Done:
        assert isinstance(fut, Future)
        (value,) = args
        if name == "set_result":
            callbacks = fut.settle(m, value, None)
        else:
            callbacks = fut.settle(m, None, _as_exception(value))
        run_callbacks(m, th, fut, callbacks)
        return Done(None, f"{fut.label}.{name}({shown(value)})")
    return run


def _as_exception(value: Any) -> SimException:
    if isinstance(value, SimException):
        return value
    if isinstance(value, ExceptionClass):
        return SimException(value.name)
    raise fail("TypeError", "exceptions must derive from BaseException")


def _set_running(m: Machine, th: Thread, fut: Primitive, args: list[Any]) -> Done:
    assert isinstance(fut, Future)
    if fut.state == CANCELLED:
        fut.complete(m, CANCELLED_AND_NOTIFIED)
        return Done(False, f"{fut.label} was cancelled → False")
    if fut.state != PENDING:
        raise fail("RuntimeError", "Future in unexpected state")
    fut.state = RUNNING
    return Done(True, f"{fut.label} is running → True")


Future.METHODS = {
    "result": _result, "exception": _exception, "done": _query("done", _DONE),
    "cancelled": _query("cancelled", _CANCELLED), "running": _query("running", (RUNNING,)),
    "cancel": _cancel, "add_done_callback": _add_done_callback,
    "set_result": _setter("set_result"), "set_exception": _setter("set_exception"),
    "set_running_or_notify_cancel": _set_running,
}
Future.READY = {"result": _waiting, "exception": _waiting}
Future.SIGNATURES = {"result": (("timeout",), (None,)), "exception": (("timeout",), (None,)),
                     "add_done_callback": (("fn",), ()), "set_result": (("result",), ()),
                     "set_exception": (("exception",), ())}


# -- waiting for several futures ---------------------------------------------------------------


#: What `futures_in` takes without running the program's code.
_CONTAINERS = (dict, list, tuple, set, frozenset)


def futures_in(m: Machine, th: Thread, fs: Any) -> list[Future]:
    """`set(fs)` as CPython takes it, in the order given: each future once. A generator's or
    an iterator's futures are taken now (its code runs in this step: generators.rest)."""
    if not isinstance(fs, _CONTAINERS):
        source = rest(m, th, fs)
        if not isinstance(source, (*ITERABLES, Pulled, Drawn, UserIter)):
            raise fail("TypeError", f"'{type_name(fs)}' object is not iterable")
        fs = list(source)
    seen: dict[int, Future] = {}
    for f in fs:
        if not isinstance(f, Future):
            raise fail("AttributeError", f"'{type_name(f)}' object has no attribute "
                                         f"'_condition'")
        seen.setdefault(id(f), f)
    return list(seen.values())


def _timed_next(m: Machine | None, th: Thread | None, end: int | None, awaited: Primitive,
                message: str) -> tuple[bool, Any]:
    """The next item of a timed iterator is not there yet: in a `for` loop (`m` and `th`
    given), the thread waits for `awaited` on the virtual clock until `end`, as CPython's
    condition wait does (the loop head stays put), then times out. A built-in walking it
    (`list(executor.map(f, xs, timeout=5))`, no thread here) waited for every item first
    (`why_all`): a built-in's call has no timed wait, so there the timeout is not modelled."""
    w = th.wait if th is not None else None
    if m is not None and th is not None and w is None and end is not None and m.clock < end:
        th.wait = Wait(awaited, True, deadline=end)
        th.brk = YIELD
        return True, STAYS
    if m is not None and th is not None and w is not None:
        th.wait = None
        time_out(m, w)
    raise fail("TimeoutError", message)


def _waited(th: Thread | None) -> None:
    """The item a timed iterator's thread waited for came: its wait is over."""
    if th is not None:
        th.wait = None


class AsCompleted(WaitingIter):
    """What `as_completed(fs, timeout)` returns: each future once, in completion order. Its
    deadline (`end`, on the virtual clock) starts at the first item taken, when CPython's
    generator starts."""

    __slots__ = ("left", "total", "timeout", "end")
    qualname = "as_completed"

    def __init__(self, fs: list[Future], timeout: Any) -> None:
        self.left = fs
        self.total = len(fs)
        self.timeout = timeout
        self.end: int | None = None

    def describe(self) -> str:
        return f"as_completed({self.total} futures, {len(self.left)} left)"

    def why(self, m: Machine, th: Thread) -> str | None:
        if not self.left or self.timeout is not None or any(f.completed for f in self.left):
            return None
        return f"waiting for one of {len(self.left)} futures to complete (as_completed)"

    def why_all(self) -> str | None:
        if all(f.completed for f in self.left):
            return None
        return f"waiting for {len(self.left)} futures to complete (as_completed)"

    def take(self, m: Machine | None, th: Thread | None) -> tuple[bool, Any]:
        if not self.left:
            return False, None
        if self.end is None and self.timeout is not None and m is not None:
            self.end = m.clock + seconds_ns(self.timeout)
        done = [f for f in self.left if f.completed]
        if not done:
            return _timed_next(m, th, self.end, WaitCall(self.left, FIRST_COMPLETED),
                               f"{len(self.left)} (of {self.total}) futures unfinished")
        _waited(th)
        first = min(done, key=lambda f: f.seq)
        self.left.remove(first)
        return True, first


class MapResults(WaitingIter):
    """What `Executor.map` returns: each call's result in order; a call's exception is
    raised when its result is reached, and the calls not started yet are then cancelled (the
    `finally` of CPython's `result_iterator`). With a timeout, `end` is its deadline on the
    virtual clock, counted from the call of `map`."""

    __slots__ = ("fs", "i", "timeout", "end")
    qualname = "Executor.map.<locals>.result_iterator"

    def __init__(self, fs: list[Future], timeout: Any, end: int | None) -> None:
        self.fs = fs
        self.i = 0
        self.timeout = timeout
        self.end = end

    def describe(self) -> str:
        return f"map results ({self.i} of {len(self.fs)} taken)"

    def why(self, m: Machine, th: Thread) -> str | None:
        if self.i == len(self.fs) or self.timeout is not None or self.fs[self.i].done:
            return None
        return f"waiting for the result of {self.fs[self.i].label} (map)"

    def why_all(self) -> str | None:
        for fut in self.fs[self.i:]:
            if fut.state in _CANCELLED or fut.exception is not None:
                return None  # raised when reached: the later ones need not be done
            if not fut.done:
                return f"waiting for the result of {fut.label} (map)"
        return None

    def take(self, m: Machine | None, th: Thread | None) -> tuple[bool, Any]:
        if self.i == len(self.fs):
            return False, None
        fut = self.fs[self.i]
        try:
            if not fut.done:
                return _timed_next(m, th, self.end, fut, "")
            _waited(th)
            self.i += 1
            return True, _outcome(fut)
        except Thrown:
            for later in self.fs[self.i:]:
                if later.state == PENDING:  # no callbacks: the program never sees these
                    later.state = CANCELLED
            self.i = len(self.fs)
            raise


def as_completed(m: Machine, th: Thread, fs: Any, timeout: Any = None) -> AsCompleted:
    return AsCompleted(futures_in(m, th, fs), _timeout(timeout))


class Waiting(Primitive):
    """The module's function `wait`, a method of this one object so that a call of it is a
    step that can wait (the compiler calls a library's method like a primitive's)."""

    kind = "concurrent.futures"

    def describe(self) -> str:
        return "module"


def _wait_ready(fs: list[Future], return_when: Any) -> bool:
    if return_when == FIRST_COMPLETED:
        return any(f.completed for f in fs)
    if return_when == FIRST_EXCEPTION and any(
            f.state == FINISHED and f.exception is not None for f in fs):
        return True
    return all(f.completed for f in fs)


class WaitCall(Primitive):
    """One timed call of `wait(fs, timeout, return_when)` while it waits: what its thread's
    Wait is on, done once the condition holds."""

    kind = "wait()"

    def __init__(self, fs: list[Future], return_when: Any) -> None:
        super().__init__()
        self.fs, self.return_when = fs, return_when
        self.label = "concurrent.futures.wait"

    def describe(self) -> str:
        return f"wait({len(self.fs)} futures, {self.return_when})"

    def wait_over(self) -> bool:
        return _wait_ready(self.fs, self.return_when)


def _wait(m: Machine, th: Thread, obj: Primitive, args: list[Any]) -> Done | Pending:
    fs, timeout, return_when = args
    w = th.wait
    if w is not None and isinstance(w.obj, WaitCall):  # the wait ends
        th.wait = None
        futures = w.obj.fs
        if not w.obj.wait_over():
            time_out(m, w)
    else:
        futures = futures_in(m, th, fs)
        _timeout(timeout)
        ready = _wait_ready(futures, return_when)
        if not ready and return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION,
                                             ALL_COMPLETED):
            raise fail("ValueError", f"Invalid return condition: {shown(return_when)}")
        if not ready and positive(timeout):
            th.wait = Wait(WaitCall(futures, return_when), True)
            start_timer(m, th, th.wait, timeout)
            return Pending(f"wait: waits up to {shown(timeout)} s ({return_when})")
        if not ready and timeout is None:  # `wait(f for f in fs)`: its futures, taken now
            th.wait = Wait(WaitCall(futures, return_when), False)
            return Pending(f"wait: waits for the futures ({return_when})")
    # Two sets, as CPython's, ordered by the futures' numbers (see `Future`).
    done = {f for f in futures if f.completed}
    not_done = {f for f in futures if not f.completed}
    return Done(DoneAndNotDoneFutures(done, not_done),
                f"wait: {len(done)} done, {len(not_done)} not done")


def _wait_why(m: Machine, th: Thread, obj: Primitive, args: list[Any]) -> str | None:
    fs, timeout, return_when = args
    w = th.wait
    if w is not None and isinstance(w.obj, WaitCall):  # the call has taken its futures
        futures = w.obj.fs
        if w.timed or w.obj.wait_over():
            return None
    elif not isinstance(fs, _CONTAINERS):
        return None  # the call takes them itself (running a generator's code), then waits
    else:
        try:
            futures = futures_in(m, th, fs)
        except Thrown:
            return None  # the call raises: that is a move
    if timeout is not None or _wait_ready(futures, return_when) or return_when not in (
            FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        return None
    left = sum(not f.completed for f in futures)
    return f"waiting for futures ({return_when}: {left} of {len(futures)} not done)"


Waiting.METHODS = {"wait": _wait}
Waiting.READY = {"wait": _wait_why}
Waiting.SIGNATURES = {"wait": (("fs", "timeout", "return_when"), (None, ALL_COMPLETED))}
WAITING = Waiting()
WAITING.label = "concurrent.futures"
