"""The `threading` primitives, following CPython's code (../shared/SEMANTICS.md §1–§6).

Each method call is one atomic step. A call that must wait (Condition.wait, a Semaphore at zero,
Event.wait, Barrier.wait) takes several steps: the thread parks on the same call with its
progress in `thread.wait`, and the call's `ready` says what the thread's next move needs. A
timed wait can always take a "time out" move: time passing is a scheduling choice like any
other. That move moves the virtual clock (stdlib/time.py) to the wait's deadline, and the
`cpython` policy takes it only once nothing else can run and no earlier deadline is due
(`timing_out`).

A method handler returns `Done(result, text)` when the call returned, or `Pending(text)` when
the thread stays in the call; `text` describes the step for the trace. Errors are raised with
`fail(type, message)`, CPython's exact texts.
One invariant the explorer relies on (app/engine/parts.py): a step of a thread reads and writes
the shared state and that thread's own frames, and looks at another thread only through its
header (name, state, what it waits for: `Thread` but its frames). A step that read another
thread's frames would make remembered steps wrong.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from .classes import MISSING
from .deprecation import warn
from .machine import seconds_ns
from .threadstate import ALIVE, YIELD
from .upcalls import UP
from .values import OWN_REPRS, OWN_TYPE_NAMES, ThreadHandle, fail, represent

if TYPE_CHECKING:
    from .machine import Machine, Thread

#: `threading.TIMEOUT_MAX` on 64-bit Linux.
TIMEOUT_MAX = 9223372036.0


@dataclass(frozen=True, slots=True)
class Done:
    result: Any
    text: str


@dataclass(frozen=True, slots=True)
class Pending:
    text: str




@dataclass(slots=True)
class Wait:
    """A thread's progress inside a call that takes several steps."""

    obj: Primitive
    timed: bool
    notified: bool = False
    timed_out: bool = False
    #: RLock recursion count released by Condition.wait, restored on wake-up.
    saved: int = 0
    #: Barrier: the index this thread got, and the phase it is in.
    index: int = 0
    phase: str = ""
    #: A timed wait's deadline on the virtual clock (ns).
    deadline: int | None = None


def start_timer(m: Machine, th: Thread, w: Wait, timeout: Any) -> None:
    """Give the timed wait `w` its deadline, `timeout` seconds from now; the thread hands the
    GIL over (the `cpython` policy switches at once)."""
    w.deadline = m.clock + seconds_ns(timeout)
    th.brk = YIELD


def time_out(m: Machine, w: Wait) -> None:
    """The timed wait `w` times out: the clock moves to its deadline if it is behind."""
    if w.deadline is not None and w.deadline > m.clock:
        m.clock = w.deadline


def timing_out(m: Machine, th: Thread) -> int | None:
    """The deadline of `th`'s timed wait if its next move is to time out (nothing it waits
    for has come), else None."""
    w = th.wait
    if w is None or w.deadline is None or w.notified or w.timed_out:
        return None
    obj = w.obj
    if isinstance(obj, Lock):
        return None if obj.free_for(th.tid) else w.deadline
    if isinstance(obj, ThreadHandle):
        return w.deadline if m.threads[obj.tid].state == ALIVE else None
    return None if obj.wait_over() else w.deadline


Handler = Callable[["Machine", "Thread", "Primitive", list[Any]], Done | Pending]


def _deprecated(old: str, handler: Handler) -> Handler:
    """A camelCase name CPython 3.13 still accepts, with its DeprecationWarning."""
    def call(m: Machine, th: Thread, obj: Primitive, args: list[Any]) -> Done | Pending:
        warn(m, th, old)
        return handler(m, th, obj, args)
    return call
Ready = Callable[["Machine", "Thread", "Primitive", list[Any]], str | None]


def bind(fname: str, args: tuple[Any, ...], kwargs: dict[Any, Any], names: tuple[str, ...],
         defaults: tuple[Any, ...]) -> list[Any]:
    """Bind a call's arguments to parameters the way CPython does, with its TypeError texts."""
    if len(args) > len(names):
        raise fail("TypeError", f"{fname}() takes at most {len(names)} arguments "
                                 f"({len(args)} given)")
    values = list(args) + [_MISSING] * (len(names) - len(args))
    for key, value in kwargs.items():
        if key not in names:
            raise fail("TypeError", f"{fname}() got an unexpected keyword argument '{key}'")
        i = names.index(key)
        if values[i] is not _MISSING:
            raise fail("TypeError", f"{fname}() got multiple values for argument '{key}'")
        values[i] = value
    first_default = len(names) - len(defaults)
    for i, value in enumerate(values):
        if value is _MISSING:
            if i < first_default:
                raise fail("TypeError", f"{fname}() missing required argument '{names[i]}'")
            values[i] = defaults[i - first_default]
    return values


_MISSING = object()


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise fail("TypeError", f"'{type(value).__name__}' object cannot be interpreted "
                                 f"as an integer")
    return value


class Primitive:
    """Base of every synchronisation object. Subclasses define METHODS and READY tables."""

    kind = "Primitive"
    METHODS: dict[str, Handler] = {}
    READY: dict[str, Ready] = {}
    PROPERTIES: dict[str, Callable[[Primitive], Any]] = {}
    #: (name, parameter names, defaults): how each method binds its arguments.
    SIGNATURES: dict[str, tuple[tuple[str, ...], tuple[Any, ...]]] = {}

    def __init__(self) -> None:
        self.label = ""

    def __setstate__(self, state: dict[str, Any]) -> None:
        """Restored (see `snapshot`) with the very dict it was read with, so the object and its
        state keep one identity each, which `parts` relies on."""
        self.__dict__ = state

    def describe(self) -> str:
        """The object's state in words, for the trace and the page."""
        raise NotImplementedError

    def wait_over(self) -> bool:
        """Whether a timed wait on it that nothing notifies (a future's `result(timeout)`)
        has what it waits for, and so ends before its deadline."""
        return False

    def __repr__(self) -> str:
        """What the program sees (`values.display`), also where Python formats the object
        itself (`"%s" % lock`): CPython's text without its memory address, which differs
        from run to run (`<unlocked _thread.lock object>`), where a subclass gives it."""
        return self.describe()


    #: The type's name in CPython's messages: `'_thread.lock' object has no attribute …`.
    type_name = "Primitive"
    #: C types (Lock, RLock) word argument errors their own way: `lock.release() takes no
    #: arguments (1 given)`; the others are Python classes and count `self`.
    c_prefix: str | None = None

    def bind(self, name: str, args: tuple[Any, ...], kwargs: dict[Any, Any]) -> list[Any]:
        names, defaults = self.SIGNATURES.get(name, ((), ()))
        if len(args) > len(names) and not name.startswith("__"):
            n = len(args)
            if self.c_prefix is not None and not names:
                raise fail("TypeError", f"{self.c_prefix}.{name}() takes no arguments "
                                        f"({n} given)")
            if self.c_prefix is None:
                low, high = len(names) - len(defaults) + 1, len(names) + 1
                takes = f"from {low} to {high}" if low != high else str(high)
                word = "argument" if takes == "1" else "arguments"
                raise fail("TypeError", f"{self.kind}.{name}() takes {takes} positional "
                                        f"{word} but {n + 1} were given")
        return bind(name, args, kwargs, names, defaults)


def _name(m: Machine, tid: int | None) -> str:
    return "nobody" if tid is None else m.threads[tid].name


# -- Lock and RLock -----------------------------------------------------------------------------


def _check_acquire_args(blocking: Any, timeout: Any) -> float:
    """Lock/RLock acquire argument rules (`lock_acquire_parse_args`, CPython 3.13 texts)."""
    timeout = _number(timeout)
    if not blocking and timeout != -1:
        raise fail("ValueError", "can't specify a timeout for a non-blocking call")
    if timeout < 0 and timeout != -1:
        raise fail("ValueError", "timeout value must be a non-negative number")
    if timeout >= 2**63:  # beyond time_t, CPython's time conversion fails first
        raise fail("OverflowError", "timestamp out of range for platform time_t")
    if timeout > TIMEOUT_MAX:
        raise fail("OverflowError", "timeout value is too large")
    return cast("float", timeout)


class Lock(Primitive):
    """`threading.Lock`: locked or not, no owner. `holder` is kept only to explain blocking."""

    kind = "Lock"
    type_name = "_thread.lock"
    c_prefix = "lock"

    def __init__(self) -> None:
        super().__init__()
        self.locked = False
        self.holder: int | None = None

    def describe(self) -> str:
        return "locked" if self.locked else "unlocked"

    def __repr__(self) -> str:
        return f"<{self.describe()} _thread.lock object>"


    def free_for(self, tid: int) -> bool:
        return not self.locked

    def take(self, tid: int) -> None:
        self.locked = True
        self.holder = tid

    def give_back(self, m: Machine, th: Thread) -> None:
        if not self.locked:
            raise fail("RuntimeError", "release unlocked lock")
        self.locked = False
        self.holder = None

    def owned_by(self, tid: int) -> bool:
        # Condition's `_is_owned` for a Lock (not an RLock): "held by anyone" (SEMANTICS.md §3).
        return self.locked

    def held_by(self) -> int | None:
        return self.holder if self.locked else None


class RLock(Lock):
    """`threading.RLock`: an owner and a recursion count."""

    kind = "RLock"
    type_name = "_thread.RLock"
    c_prefix = "RLock"

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def describe(self) -> str:
        return "unowned" if self.holder is None else f"owned ×{self.count}"

    def __repr__(self) -> str:
        held = self.holder is not None
        return (f"<{'locked' if held else 'unlocked'} _thread.RLock object "
                f"owner={self.holder if held else 0} count={self.count}>")


    def free_for(self, tid: int) -> bool:
        return self.holder is None or self.holder == tid

    def take(self, tid: int) -> None:
        self.holder = tid
        self.count += 1
        self.locked = True

    def give_back(self, m: Machine, th: Thread) -> None:
        if self.holder != th.tid:
            raise fail("RuntimeError", "cannot release un-acquired lock")
        self.count -= 1
        if self.count == 0:
            self.holder = None
            self.locked = False

    def owned_by(self, tid: int) -> bool:
        return self.holder == tid


def _lock_acquire(m: Machine, th: Thread, lock: Primitive, args: list[Any]) -> Done | Pending:
    """One step; a timed acquire of a held lock two: *wait* (up to the timeout) and then
    either take the lock, released meanwhile, or time out."""
    assert isinstance(lock, Lock)
    blocking, timeout = args
    label = lock.label
    w = th.wait
    if w is not None and w.obj is lock:
        th.wait = None
        if not lock.free_for(th.tid):
            time_out(m, w)
            return Done(False, f"acquire {label}: times out (held by "
                               f"{_name(m, lock.holder)}) → False")
    else:
        timeout = _check_acquire_args(blocking, timeout)
    if lock.free_for(th.tid):
        lock.take(th.tid)
        depth = f" (depth {lock.count})" if isinstance(lock, RLock) else ""
        return Done(True, f"acquire {label} → True{depth}")
    if not blocking or timeout == 0:
        return Done(False, f"acquire {label}: held by {_name(m, lock.holder)} → False")
    th.wait = Wait(lock, True)
    start_timer(m, th, th.wait, timeout)
    return Pending(f"acquire {label}: held by {_name(m, lock.holder)}, waits up to "
                   f"{represent(timeout)} s")


def _lock_acquire_ready(m: Machine, th: Thread, lock: Primitive, args: list[Any]) -> str | None:
    assert isinstance(lock, Lock)
    blocking, timeout = args
    if lock.free_for(th.tid) or not blocking or timeout != -1:
        return None  # free, a try-lock, a timed acquire (may time out), or bad arguments
    if lock.holder == th.tid:
        return f"blocked on {lock.label}: it already holds it (a Lock is not reentrant)"
    return f"blocked on {lock.label} (held by {_name(m, lock.holder)})"


def _lock_release(m: Machine, th: Thread, lock: Primitive, args: list[Any]) -> Done:
    assert isinstance(lock, Lock)
    lock.give_back(m, th)
    if isinstance(lock, RLock) and lock.holder is not None:
        return Done(None, f"release {lock.label} (depth {lock.count} left)")
    return Done(None, f"release {lock.label}")


def _lock_locked(m: Machine, th: Thread, lock: Primitive, args: list[Any]) -> Done:
    assert isinstance(lock, Lock)
    return Done(lock.locked, f"{lock.label}.locked() → {lock.locked}")


_ACQUIRE_SIG = (("blocking", "timeout"), (True, -1))
Lock.METHODS = {"acquire": _lock_acquire, "release": _lock_release, "locked": _lock_locked,
                "__enter__": _lock_acquire, "__exit__": _lock_release}
Lock.READY = {"acquire": _lock_acquire_ready, "__enter__": _lock_acquire_ready}
Lock.SIGNATURES = {"acquire": _ACQUIRE_SIG, "__enter__": _ACQUIRE_SIG}


def _rlock_is_owned(m: Machine, th: Thread, lock: Primitive, args: list[Any]) -> Done:
    """`_is_owned()`, the private check Condition uses (and lessons print): held by me."""
    assert isinstance(lock, RLock)
    mine = lock.owned_by(th.tid)
    return Done(mine, f"{lock.label}._is_owned() → {mine}")


def _rlock_recursion_count(m: Machine, th: Thread, lock: Primitive, args: list[Any]) -> Done:
    """`_recursion_count()` (3.12+): how deep the calling thread holds it, 0 if it does not."""
    assert isinstance(lock, RLock)
    count = lock.count if lock.owned_by(th.tid) else 0
    return Done(count, f"{lock.label}._recursion_count() → {count}")


RLock.METHODS = {**{k: v for k, v in Lock.METHODS.items() if k != "locked"},
                 "_is_owned": _rlock_is_owned, "_recursion_count": _rlock_recursion_count}
RLock.READY = Lock.READY
RLock.SIGNATURES = Lock.SIGNATURES


# -- waiting with a FIFO queue (Condition, Semaphore, Event, Barrier) -----------------------------


class Queued(Primitive):
    """A primitive with CPython's Condition-style FIFO deque of waiting threads."""

    def __init__(self) -> None:
        super().__init__()
        self.waiters: list[int] = []

    def notify(self, m: Machine, n: int) -> list[str]:
        """Wake the n oldest waiters (`Condition.notify`). Returns their names."""
        woken = []
        while self.waiters and n > 0:
            tid = self.waiters.pop(0)
            th = m.threads[tid]
            if isinstance(th.wait, Wait):
                th.wait.notified = True
            woken.append(th.name)
            n -= 1
        return woken

    def enqueue(self, th: Thread, timed: bool, **extra: Any) -> Wait:
        self.waiters.append(th.tid)
        th.wait = Wait(self, timed, **extra)
        return cast("Wait", th.wait)

    def queue_names(self, m: Machine) -> str:
        return ", ".join(m.threads[t].name for t in self.waiters)


def _waiting_move(th: Thread, obj: Primitive, what: str) -> str | None:
    """The move of a thread parked in a queued wait: none until notified, unless timed."""
    w = th.wait
    if w is None or w.obj is not obj:
        return None  # not parked yet: the first move is always possible
    if w.notified or w.timed_out or w.timed:
        return None
    return what


def positive(timeout: Any) -> bool:
    """`timeout > 0` for a Python-level wait's timeout, with CPython's TypeError."""
    value = _timeout_value(timeout)
    return value is not None and value > 0


def _timeout_value(timeout: Any) -> float | None:
    """A Python-level wait's timeout: CPython only ever compares it with numbers."""
    if timeout is not None and (isinstance(timeout, bool) or not isinstance(
            timeout, int | float)):
        raise fail("TypeError", f"'>' not supported between instances of "
                                f"'{type(timeout).__name__}' and 'int'")
    return timeout


# -- Condition ---------------------------------------------------------------------------------


class Condition(Queued):
    kind = "Condition"

    def __init__(self, lock: Lock) -> None:
        super().__init__()
        self.lock = lock

    def describe(self) -> str:
        return f"lock {self.lock.describe()}, {len(self.waiters)} waiting"

    def __repr__(self) -> str:
        return f"<Condition({self.lock!r}, {len(self.waiters)})>"



def _cond_delegate(method: str) -> Handler:
    def run(m: Machine, th: Thread, cond: Primitive, args: list[Any]) -> Done | Pending:
        assert isinstance(cond, Condition)
        done = Lock.METHODS[method](m, th, cond.lock, args)
        text = done.text.replace(cond.lock.label, cond.label, 1)
        return Done(done.result, text) if isinstance(done, Done) else Pending(text)
    return run


def _cond_delegate_ready(m: Machine, th: Thread, cond: Primitive, args: list[Any]) -> str | None:
    assert isinstance(cond, Condition)
    reason = _lock_acquire_ready(m, th, cond.lock, args)
    return reason and reason.replace(cond.lock.label, cond.label, 1)


def _cond_wait(m: Machine, th: Thread, cond: Primitive, args: list[Any]) -> Done | Pending:
    assert isinstance(cond, Condition)
    lock = cond.lock
    w = th.wait
    if w is None:
        timeout = _timeout_value(args[0])
        if not lock.owned_by(th.tid):
            raise fail("RuntimeError", "cannot wait on un-acquired lock")
        saved = lock.count if isinstance(lock, RLock) else 0
        if isinstance(lock, RLock):
            lock.count = 0
        lock.locked = False
        lock.holder = None
        w = cond.enqueue(th, timeout is not None, saved=saved)
        if timeout is not None and timeout <= 0:
            w.timed_out = True
            return Pending(f"wait on {cond.label}(timeout={timeout}): releases {lock.label}, "
                           f"returns at once")
        if timeout is not None:
            start_timer(m, th, w, timeout)
        return Pending(f"wait on {cond.label}: releases {lock.label}, sleeps "
                       f"(queue: {cond.queue_names(m)})")
    if not w.notified and not w.timed_out:
        w.timed_out = True
        time_out(m, w)
        return Pending(f"wait on {cond.label} times out; must re-acquire {lock.label}")
    # Woken (or timed out) and the lock is free: re-acquire it and return.
    lock.locked = True
    lock.holder = th.tid
    if isinstance(lock, RLock):
        lock.count = w.saved
    if th.tid in cond.waiters:
        cond.waiters.remove(th.tid)
    th.wait = None
    result = not w.timed_out
    return Done(result, f"wakes from wait on {cond.label}, re-acquires {lock.label} → {result}")


def _cond_wait_ready(m: Machine, th: Thread, cond: Primitive, args: list[Any]) -> str | None:
    assert isinstance(cond, Condition)
    w = th.wait
    if w is None:
        return None
    if w.notified or w.timed_out:
        if cond.lock.free_for(th.tid):
            return None
        return (f"notified, waiting to re-acquire {cond.lock.label} "
                f"(held by {_name(m, cond.lock.holder)})")
    return None if w.timed else f"waiting on {cond.label} (until notified)"


def _cond_notify(m: Machine, th: Thread, cond: Primitive, args: list[Any]) -> Done:
    assert isinstance(cond, Condition)
    if not cond.lock.owned_by(th.tid):
        raise fail("RuntimeError", "cannot notify on un-acquired lock")
    n = args[0] if args else len(cond.waiters)
    method = "notify" if args else "notify_all"
    woken = cond.notify(m, n)
    target = ", ".join(woken) if woken else "nobody waiting"
    return Done(None, f"{method} {cond.label} → {target}")


Condition.METHODS = {
    "acquire": _cond_delegate("acquire"), "__enter__": _cond_delegate("acquire"),
    "release": _cond_delegate("release"), "__exit__": _cond_delegate("release"),
    "wait": _cond_wait, "notify": _cond_notify,
    "notify_all": lambda m, th, c, a: _cond_notify(m, th, c, []),
}
Condition.METHODS["notifyAll"] = _deprecated("notifyAll", Condition.METHODS["notify_all"])
Condition.READY = {"acquire": _cond_delegate_ready, "__enter__": _cond_delegate_ready,
                   "wait": _cond_wait_ready}
Condition.SIGNATURES = {"acquire": _ACQUIRE_SIG, "__enter__": _ACQUIRE_SIG,
                        "wait": (("timeout",), (None,)), "notify": (("n",), (1,))}


# -- Semaphore and BoundedSemaphore ------------------------------------------------------------


class Semaphore(Queued):
    kind = "Semaphore"

    def __init__(self, value: int, bounded: bool = False) -> None:
        super().__init__()
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise fail("TypeError", f"'<' not supported between instances of "
                                    f"'{type(value).__name__}' and 'int'")
        if value < 0:
            raise fail("ValueError", "semaphore initial value must be >= 0")
        self.value = value
        self.initial = value
        self.bounded = bounded
        if bounded:
            self.kind = "BoundedSemaphore"

    def describe(self) -> str:
        queue = f", {len(self.waiters)} waiting" if self.waiters else ""
        return f"value {represent(self.value)}/{represent(self.initial)}{queue}"

    def __repr__(self) -> str:
        bound = f"/{represent(self.initial)}" if self.kind == "BoundedSemaphore" else ""
        return f"<threading.{self.kind}: value={represent(self.value)}{bound}>"



def _sem_acquire(m: Machine, th: Thread, sem: Primitive, args: list[Any]) -> Done | Pending:
    assert isinstance(sem, Semaphore)
    w = th.wait
    label = sem.label
    if w is None:
        blocking, timeout = args
        if not blocking and timeout is not None:
            raise fail("ValueError", "can't specify timeout for non-blocking acquire")
        timeout = _timeout_value(timeout)
        if sem.value > 0:
            sem.value -= 1
            return Done(True, f"acquire {label}: {_went(sem.value + 1, sem.value)}")
        if not blocking or (timeout is not None and timeout <= 0):
            return Done(False, f"acquire {label}: value 0 → False")
        w = sem.enqueue(th, timeout is not None)
        if timeout is not None:
            start_timer(m, th, w, timeout)
        return Pending(f"acquire {label}: value 0, waits (queue: {sem.queue_names(m)})")
    th.wait = None
    if th.tid in sem.waiters:
        sem.waiters.remove(th.tid)
    why = "wakes" if w.notified else "times out"
    if sem.value > 0:
        sem.value -= 1
        return Done(True, f"{why}, acquire {label}: {_went(sem.value + 1, sem.value)}")
    if not w.notified:
        time_out(m, w)
        return Done(False, f"acquire {label} times out → False")
    # Another thread took the unit first (barging): wait again at the back of the queue.
    sem.enqueue(th, w.timed, deadline=w.deadline)
    return Pending(f"wakes, but {label} is 0 again: waits at the back of the queue")


def _sem_acquire_ready(m: Machine, th: Thread, sem: Primitive, args: list[Any]) -> str | None:
    return _waiting_move(th, sem, f"waiting on {sem.label} (value 0)")


def _sem_release(m: Machine, th: Thread, sem: Primitive, args: list[Any]) -> Done:
    assert isinstance(sem, Semaphore)
    (n,) = args
    if n < 1:
        raise fail("ValueError", "n must be one or more")
    if sem.bounded and sem.value + n > sem.initial:
        raise fail("ValueError", "Semaphore released too many times")
    sem.value += n
    woken = sem.notify(m, n)
    wake = f", wakes {', '.join(woken)}" if woken else ""
    return Done(None, f"release {sem.label}: {_went(sem.value - n, sem.value)}{wake}")


def _went(before: int, after: int) -> str:
    """`value 3 → 2`, an int too long for text (CPython refuses to convert it) summarised."""
    return f"value {represent(before)} → {represent(after)}"


Semaphore.METHODS = {"acquire": _sem_acquire, "__enter__": _sem_acquire,
                     "release": _sem_release, "__exit__": _sem_release}
Semaphore.READY = {"acquire": _sem_acquire_ready, "__enter__": _sem_acquire_ready}
Semaphore.SIGNATURES = {"acquire": (("blocking", "timeout"), (True, None)),
                        "__enter__": (("blocking", "timeout"), (True, None)),
                        "release": (("n",), (1,)), "__exit__": (("n",), (1,))}
#: The private attributes teaching code prints to show a semaphore's count.
Semaphore.PROPERTIES = {
    "_value": lambda s: s.value,  # type: ignore[attr-defined]
    "_initial_value": lambda s: (
        s.initial if s.kind == "BoundedSemaphore" else MISSING),  # type: ignore[attr-defined]
}


# -- Event -------------------------------------------------------------------------------------


class Event(Queued):
    kind = "Event"

    def __init__(self) -> None:
        super().__init__()
        self.flag = False

    def describe(self) -> str:
        queue = f", {len(self.waiters)} waiting" if self.waiters else ""
        return ("set" if self.flag else "not set") + queue

    def __repr__(self) -> str:
        return f"<threading.Event: {'set' if self.flag else 'unset'}>"



def _event_wait(m: Machine, th: Thread, ev: Primitive, args: list[Any]) -> Done | Pending:
    assert isinstance(ev, Event)
    w = th.wait
    if w is None:
        timeout = _timeout_value(args[0])
        if ev.flag:
            return Done(True, f"wait on {ev.label}: already set → True")
        if timeout is not None and timeout <= 0:
            return Done(False, f"wait on {ev.label}: not set → False")
        w = ev.enqueue(th, timeout is not None)
        if timeout is not None:
            start_timer(m, th, w, timeout)
        return Pending(f"wait on {ev.label}: not set, sleeps")
    th.wait = None
    if w.notified:
        return Done(True, f"wakes: {ev.label} was set → True")
    ev.waiters.remove(th.tid)
    time_out(m, w)
    return Done(False, f"wait on {ev.label} times out → False")


def _event_set(m: Machine, th: Thread, ev: Primitive, args: list[Any]) -> Done:
    assert isinstance(ev, Event)
    ev.flag = True
    woken = ev.notify(m, len(ev.waiters))
    wake = f", wakes {', '.join(woken)}" if woken else ""
    return Done(None, f"set {ev.label}{wake}")


def _event_clear(m: Machine, th: Thread, ev: Primitive, args: list[Any]) -> Done:
    assert isinstance(ev, Event)
    ev.flag = False
    return Done(None, f"clear {ev.label}")


def _event_is_set(m: Machine, th: Thread, ev: Primitive, args: list[Any]) -> Done:
    assert isinstance(ev, Event)
    return Done(ev.flag, f"{ev.label}.is_set() → {ev.flag}")


Event.METHODS = {"wait": _event_wait, "set": _event_set, "clear": _event_clear,
                 "is_set": _event_is_set, "isSet": _deprecated("isSet", _event_is_set)}
Event.READY = {"wait": lambda m, th, ev, a: _waiting_move(th, ev, f"waiting for {ev.label}")}
Event.SIGNATURES = {"wait": (("timeout",), (None,))}
Event.PROPERTIES = {"_flag": lambda e: e.flag}  # type: ignore[attr-defined]


# -- Barrier -----------------------------------------------------------------------------------

FILLING, DRAINING, RESETTING, BROKEN = 0, 1, -1, -2


class Barrier(Queued):
    """`threading.Barrier` (threading.py:674): each stretch under its internal lock is a step."""

    kind = "Barrier"

    def __init__(self, parties: int, action: Any, timeout: float | None) -> None:
        super().__init__()
        if parties < 1:
            raise fail("ValueError", "parties must be > 0")
        self.parties = parties
        self.action = action
        self.timeout = timeout
        self.count = 0
        self.state = FILLING
        #: Thread running the action while holding the internal lock.
        self.busy: int | None = None

    def describe(self) -> str:
        names = {FILLING: "filling", DRAINING: "draining", RESETTING: "resetting",
                 BROKEN: "broken"}
        return f"{self.count}/{represent(self.parties)} arrived, {names[self.state]}"

    def __repr__(self) -> str:
        if self.state == BROKEN:
            return "<threading.Barrier: broken>"
        return f"<threading.Barrier: waiters={self.count}/{represent(self.parties)}>"


    def exit(self, m: Machine) -> None:
        """`_exit`: the last thread out of a drained or reset barrier refills it."""
        if self.count == 0 and self.state in (RESETTING, DRAINING):
            self.state = FILLING
            self.notify(m, len(self.waiters))

    def break_(self, m: Machine) -> None:
        self.state = BROKEN
        self.notify(m, len(self.waiters))

    def release_all(self, m: Machine) -> None:
        self.state = DRAINING
        self.notify(m, len(self.waiters))


def _barrier_wait(m: Machine, th: Thread, bar: Primitive, args: list[Any]) -> Done | Pending:
    assert isinstance(bar, Barrier)
    w = th.wait
    label = bar.label
    if w is None:
        timeout = _timeout_value(args[0])
        if timeout is None:
            timeout = bar.timeout
        if bar.state == BROKEN:
            raise fail("BrokenBarrierError")
        index = bar.count
        bar.count += 1
        if index + 1 == bar.parties:
            if bar.action is not None:
                bar.busy = th.tid
                th.wait = Wait(bar, False, index=index, phase="action")
                UP.call_in_thread(m, th, bar.action, _barrier_action_failed)
                return Pending(f"wait on {label}: last to arrive (index {index}), runs the action")
            return _barrier_last(m, th, bar, index)
        w = bar.enqueue(th, timeout is not None, index=index, phase="wait")
        if timeout is not None:
            start_timer(m, th, w, timeout)
        return Pending(f"wait on {label}: arrives {bar.count}/{represent(bar.parties)} "
                       f"(index {index}), sleeps")
    if w.phase == "action":
        bar.busy = None
        th.wait = None
        return _barrier_last(m, th, bar, w.index)
    # A sleeping waiter: woken by the last arrival, a reset/abort, or its own timeout.
    th.wait = None
    if not w.notified:
        time_out(m, w)
        bar.waiters.remove(th.tid)
        bar.break_(m)
        bar.count -= 1
        bar.exit(m)
        raise fail("BrokenBarrierError")
    if bar.state == FILLING:  # not our round's release (cannot happen in CPython's code)
        bar.enqueue(th, w.timed, index=w.index, phase="wait", deadline=w.deadline)
        return Pending(f"wakes, {label} still filling: sleeps again")
    broken = bar.state < 0  # read before `_exit` may refill a reset barrier
    bar.count -= 1
    bar.exit(m)
    if broken:
        raise fail("BrokenBarrierError")
    return Done(w.index, f"passes {label} → {w.index}")


def _barrier_last(m: Machine, th: Thread, bar: Barrier, index: int) -> Done:
    bar.release_all(m)
    bar.count -= 1
    bar.exit(m)
    return Done(index, f"wait on {bar.label}: last to arrive, releases everyone → {index}")


def _barrier_action_failed(m: Machine, th: Thread) -> None:
    """The action raised: CPython breaks the barrier, then the exception propagates."""
    w = th.wait
    bar = w.obj
    assert isinstance(bar, Barrier)
    bar.busy = None
    th.wait = None
    bar.break_(m)
    bar.count -= 1
    bar.exit(m)


def _barrier_wait_ready(m: Machine, th: Thread, bar: Primitive, args: list[Any]) -> str | None:
    assert isinstance(bar, Barrier)
    w = th.wait
    if w is None:
        if bar.busy is not None and bar.busy != th.tid:
            return f"blocked: {_name(m, bar.busy)} is running {bar.label}'s action"
        if bar.state in (DRAINING, RESETTING):
            return f"blocked: {bar.label} is still releasing its previous round"
        return None
    if w.phase == "action":
        return None
    return _waiting_move(th, bar, f"waiting at {bar.label} ({bar.count}/{represent(bar.parties)})")


def _barrier_guarded(method: Callable[[Machine, Barrier], str]) -> Handler:
    def run(m: Machine, th: Thread, bar: Primitive, args: list[Any]) -> Done:
        assert isinstance(bar, Barrier)
        return Done(None, method(m, bar))
    return run


def _reset(m: Machine, bar: Barrier) -> str:
    if bar.count > 0:
        if bar.state in (FILLING, BROKEN):
            bar.state = RESETTING
    else:
        bar.state = FILLING
    bar.notify(m, len(bar.waiters))
    return f"reset {bar.label}"


def _abort(m: Machine, bar: Barrier) -> str:
    bar.break_(m)
    return f"abort {bar.label}: broken"


def _barrier_busy_ready(m: Machine, th: Thread, bar: Primitive, args: list[Any]) -> str | None:
    assert isinstance(bar, Barrier)
    if bar.busy is not None and bar.busy != th.tid:
        return f"blocked: {_name(m, bar.busy)} is running {bar.label}'s action"
    return None


Barrier.METHODS = {"wait": _barrier_wait, "reset": _barrier_guarded(_reset),
                   "abort": _barrier_guarded(_abort)}
Barrier.READY = {"wait": _barrier_wait_ready, "reset": _barrier_busy_ready,
                 "abort": _barrier_busy_ready}
Barrier.SIGNATURES = {"wait": (("timeout",), (None,))}
Barrier.PROPERTIES = {
    "parties": lambda b: b.parties,  # type: ignore[attr-defined]
    "n_waiting": lambda b: b.count if b.state == FILLING else 0,  # type: ignore[attr-defined]
    "broken": lambda b: b.state == BROKEN,  # type: ignore[attr-defined]
}


def _own_repr(value: Any, strict: bool) -> str | None:
    if not isinstance(value, Primitive):
        return None
    return repr(value) if strict else value.describe()


def _own_type_name(value: Any) -> str | None:
    if isinstance(value, Lock):
        return value.type_name
    return value.kind if isinstance(value, Primitive) else None


OWN_REPRS.append(_own_repr)
OWN_TYPE_NAMES.append(_own_type_name)
