"""`queue`: `Queue`, `LifoQueue`, `PriorityQueue`, `SimpleQueue`, and `Empty`, `Full`,
`ShutDown`, modelled on CPython 3.13's `Lib/queue.py`.

A queue is a primitive (app/engine/primitives.py). In CPython every method runs under the
queue's one mutex, so each call is one atomic step here: `put`, `get`, `task_done`, `qsize`…
A call that must wait takes several steps, as `Condition.wait` does: the thread *waits* at the
back of one of the queue's three FIFO lists of waiters (the `not_empty`, `not_full` and
`all_tasks_done` conditions: `getters`, `putters`, `joiners`), and once notified it *wakes*
and looks again: it takes the item (or the free slot), or, if a thread that was not waiting
took it first, waits again at the back. A timed wait has a deadline on the virtual clock, as
`Condition.wait`'s has: the `cpython` policy lets it time out (`Empty` or `Full`) only when no
thread can run sooner, and that step moves the clock to the deadline; a schedule, and so the
explorer, may time it out at any point.
"""

from __future__ import annotations

import heapq
from collections import deque
from operator import attrgetter
from typing import TYPE_CHECKING, Any, cast

from ..builtin import Builtin
from ..introspect import LIBRARY_CLASSES, LIBRARY_TYPES
from ..primitives import (
    Condition,
    Done,
    Lock,
    Pending,
    Primitive,
    Wait,
    bind,
    start_timer,
    time_out,
)
from ..values import EXCEPTION_BASES, ExceptionClass, fail, represent, shown, type_name

if TYPE_CHECKING:
    from ..machine import Machine, Thread

#: Items the page shows of a queue's contents, and the trace (on every step on the queue).
SHOWN_ITEMS, DESCRIBED_ITEMS = 8, 3

# queue.Empty (`_queue.Empty` in C), queue.Full and queue.ShutDown derive from Exception.
EXCEPTION_BASES.update({"Empty": "Exception", "Full": "Exception", "ShutDown": "Exception"})

_TIMEOUT_NEGATIVE = "'timeout' must be a non-negative number"


class QueueCondition(Condition):
    """One of a queue's three conditions (`q.not_empty`), over its mutex: a Condition whose
    waiters are the queue's (the symmetry reduction reads them as the queue's)."""


class Queue(Primitive):
    """`queue.Queue(maxsize)`: FIFO; `items` is the deque CPython's `q.queue` is.

    CPython's `q.mutex` and its three conditions over it are objects a program may use
    (`with q.mutex: q.queue.clear()`): `mutex` is a Lock, which every method waits for
    while anyone holds it, as every method of CPython's takes it; each condition's FIFO of
    waiters is the list of the threads waiting in the matching method, so `notify` on one
    wakes them."""

    kind = "Queue"

    def __init__(self, maxsize: Any = 0) -> None:
        super().__init__()
        self.maxsize = maxsize
        self.items: Any = self._init()
        self.unfinished = 0
        self.is_shutdown = False
        self.mutex = Lock()
        self.not_empty = QueueCondition(self.mutex)
        self.not_full = QueueCondition(self.mutex)
        self.all_tasks_done = QueueCondition(self.mutex)
        #: Threads waiting in get(), put() and join(), oldest first (CPython's conditions).
        self.getters = self.not_empty.waiters
        self.putters = self.not_full.waiters
        self.joiners = self.all_tasks_done.waiters

    def set_label(self, label: str) -> None:
        self.label = label
        for part in ("mutex", "not_empty", "not_full", "all_tasks_done"):
            getattr(self, part).label = f"{label}.{part}"

    def _init(self) -> Any:
        return deque()

    def _put(self, item: Any) -> None:
        self.items.append(item)

    def _get(self) -> Any:
        return self.items.popleft()

    def full_now(self) -> bool:
        """`0 < maxsize <= qsize()`, which CPython computes with the program's maxsize."""
        return bool(0 < self.maxsize <= len(self.items))

    def contents(self, most: int = SHOWN_ITEMS) -> list[str]:
        """The first `most` items, in the order `get` would take them out of a FIFO or LIFO
        queue (a priority queue's heap as it is stored: the first is the next out)."""
        last = isinstance(self, LifoQueue)
        return [shown(self.items[-1 - i if last else i])
                for i in range(min(most, len(self.items)))]

    def __repr__(self) -> str:
        module = "_queue" if isinstance(self, SimpleQueue) else "queue"
        return f"<{module}.{self.kind} object>"

    def describe(self) -> str:
        """Its state in words, for every step on it: the next few items only (the page
        draws more of them)."""
        n = len(self.items)
        text = "empty" if not n else (
            f"{n} item{'s' if n != 1 else ''}: {', '.join(self.contents(DESCRIBED_ITEMS))}"
            + (", …" if n > DESCRIBED_ITEMS else ""))
        if self.maxsize > 0 and self.full_now():
            text += f" (full, maxsize {represent(self.maxsize)})"
        waiting = [f"{len(ids)} waiting to {what}" for ids, what in (
            (self.getters, "get"), (self.putters, "put"), (self.joiners, "join")) if ids]
        if self.unfinished and not isinstance(self, SimpleQueue):
            text += f", {self.unfinished} unfinished"
        if self.is_shutdown:
            text += ", shut down"
        return ", ".join([text, *waiting])


    def bind(self, name: str, args: tuple[Any, ...], kwargs: dict[Any, Any]) -> list[Any]:
        """Arguments bound as CPython's Python methods bind them, with their messages: the
        methods are Queue's (`Queue.put()`) whichever subclass calls them."""
        names, defaults = self.SIGNATURES.get(name, ((), ()))
        where = f"Queue.{name}()"
        if len(args) > len(names):
            low, high = len(names) - len(defaults) + 1, len(names) + 1
            takes = f"from {low} to {high}" if low != high else str(high)
            word = "argument" if takes == "1" else "arguments"
            raise fail("TypeError", f"{where} takes {takes} positional {word} but "
                                    f"{len(args) + 1} were given")
        for key in kwargs:
            if key not in names:
                raise fail("TypeError", f"{where} got an unexpected keyword argument '{key}'")
            if names.index(key) < len(args):
                raise fail("TypeError", f"{where} got multiple values for argument '{key}'")
        missing = [n for n in names[len(args):len(names) - len(defaults)] if n not in kwargs]
        if missing:
            raise fail("TypeError", f"{where} missing 1 required positional argument: "
                                    f"'{missing[0]}'")
        return bind(name, args, kwargs, names, defaults)


class LifoQueue(Queue):
    kind = "LifoQueue"

    def _init(self) -> Any:
        return []

    def _get(self) -> Any:
        return self.items.pop()


class PriorityQueue(Queue):
    kind = "PriorityQueue"

    def _init(self) -> Any:
        return []

    def _put(self, item: Any) -> None:
        heapq.heappush(self.items, item)

    def _get(self) -> Any:
        return heapq.heappop(self.items)


class SimpleQueue(Queue):
    """`queue.SimpleQueue()` (C `_queue.SimpleQueue`): unbounded, no tasks, no shutdown."""

    kind = "SimpleQueue"
    bind = Primitive.bind  # a C type's messages: `put() missing required argument 'item'`

    def __init__(self) -> None:
        super().__init__(0)
        del self.mutex, self.not_empty, self.not_full, self.all_tasks_done  # a C type's

    def set_label(self, label: str) -> None:
        self.label = label


# -- waiting -------------------------------------------------------------------------------------


def _park(m: Machine, q: Queue, waiters: list[int], th: Thread, phase: str, timeout: Any,
          deadline: int | None = None) -> None:
    """Wait at the back of `waiters`; a timed wait until `timeout` seconds from now on the
    virtual clock, or (waiting again after a wake that came to nothing) until the `deadline`
    it had, as CPython's loop keeps its end time."""
    waiters.append(th.tid)
    w = th.wait = Wait(q, timeout is not None or deadline is not None, phase=phase)
    if deadline is not None:
        w.deadline = deadline
    elif timeout is not None:
        start_timer(m, th, w, timeout)


def _timed_out(m: Machine, w: Wait, error: str) -> Exception:
    """A timed wait that nothing woke ends: the clock moves on to its deadline."""
    time_out(m, w)
    return fail(error)


def _notify(m: Machine, waiters: list[int], n: int) -> None:
    """Wake the n oldest of `waiters` (`Condition.notify`)."""
    while waiters and n > 0:
        w = m.threads[waiters.pop(0)].wait
        if isinstance(w, Wait):
            w.notified = True
        n -= 1


def _woken(th: Thread, waiters: list[int]) -> Wait:
    """A parked thread moves again: it leaves its wait (and the list, if it timed out)."""
    w = th.wait
    th.wait = None
    if th.tid in waiters:
        waiters.remove(th.tid)
    return cast("Wait", w)


def _parked(th: Thread, q: Primitive) -> bool:
    """Whether `th` is parked in a call on `q` that cannot move yet (untimed, not notified)."""
    w = th.wait
    return (isinstance(w, Wait) and w.obj is q and not w.notified and not w.timed_out
            and not w.timed)


def _timeout(timeout: Any) -> Any:
    """`timeout < 0` as CPython's Python code compares it."""
    if isinstance(timeout, bool) or not isinstance(timeout, int | float):
        raise fail("TypeError", f"'<' not supported between instances of "
                                f"'{type(timeout).__name__}' and 'int'")
    if timeout < 0:
        raise fail("ValueError", _TIMEOUT_NEGATIVE)
    return timeout


# -- methods -------------------------------------------------------------------------------------


def _put(m: Machine, th: Thread, q: Primitive, args: list[Any]) -> Done | Pending:
    assert isinstance(q, Queue)
    item, block, timeout = args
    label = q.label
    if th.wait is None:
        if q.is_shutdown:
            raise fail("ShutDown")
        if q.maxsize > 0 and len(q.items) >= q.maxsize:
            if not block:
                raise fail("Full")
            if timeout is not None and _timeout(timeout) == 0:
                raise fail("Full")
            _park(m, q, q.putters, th, "put", timeout)
            return Pending(f"put {shown(item)} on {label}: full, waits")
    else:
        w = _woken(th, q.putters)
        if q.is_shutdown:
            raise fail("ShutDown")
        if q.maxsize > 0 and len(q.items) >= q.maxsize:
            if not w.notified:
                raise _timed_out(m, w, "Full")
            _park(m, q, q.putters, th, "put", None, w.deadline)
            return Pending(f"wakes, but {label} is full again: waits at the back")
    q._put(item)
    q.unfinished += 1
    _notify(m, q.getters, 1)
    return Done(None, f"put {shown(item)} on {label} → {len(q.items)} queued")


def _get(m: Machine, th: Thread, q: Primitive, args: list[Any]) -> Done | Pending:
    assert isinstance(q, Queue)
    block, timeout = args
    label = q.label
    if th.wait is None:
        if q.is_shutdown and not q.items:
            raise fail("ShutDown")
        if not block:
            if not q.items:
                raise fail("Empty")
        elif timeout is not None:
            if _timeout(timeout) == 0 and not q.items:
                raise fail("Empty")
        if not q.items:
            _park(m, q, q.getters, th, "get", timeout)
            return Pending(f"get from {label}: empty, waits")
    else:
        w = _woken(th, q.getters)
        if q.is_shutdown and not q.items:
            raise fail("ShutDown")
        if not q.items:
            if not w.notified:
                raise _timed_out(m, w, "Empty")
            _park(m, q, q.getters, th, "get", None, w.deadline)
            return Pending(f"wakes, but {label} is empty again: waits at the back")
    item = q._get()
    _notify(m, q.putters, 1)
    return Done(item, f"get from {label} → {shown(item)}")


def _ready(what: str | None) -> Any:
    """A method's move: none while another call holds the queue's mutex (or the program
    does, `with q.mutex:`), nor while it waits (`what`) and nothing woke it."""
    def ready(m: Machine, th: Thread, q: Primitive, args: list[Any]) -> str | None:
        mutex = getattr(q, "mutex", None)  # a SimpleQueue has none
        if mutex is not None and mutex.locked:
            held = "it holds it itself" if mutex.holder == th.tid else (
                f"held by {m.threads[mutex.holder].name}" if mutex.holder is not None
                else "held")
            return f"blocked on {mutex.label} ({held})"
        return f"{what} {q.label}" if what is not None and _parked(th, q) else None
    return ready


def _task_done(m: Machine, th: Thread, q: Primitive, args: list[Any]) -> Done:
    assert isinstance(q, Queue)
    unfinished = q.unfinished - 1
    if unfinished < 0:
        raise fail("ValueError", "task_done() called too many times")
    if unfinished == 0:
        _notify(m, q.joiners, len(q.joiners))
    q.unfinished = unfinished
    return Done(None, f"task_done on {q.label} → {unfinished} unfinished")


def _join(m: Machine, th: Thread, q: Primitive, args: list[Any]) -> Done | Pending:
    assert isinstance(q, Queue)
    if th.wait is not None:
        _woken(th, q.joiners)
    if q.unfinished:
        _park(m, q, q.joiners, th, "join", None)
        return Pending(f"join {q.label}: {q.unfinished} unfinished, waits")
    return Done(None, f"join {q.label}: every task done")


def _shutdown(m: Machine, th: Thread, q: Primitive, args: list[Any]) -> Done:
    assert isinstance(q, Queue)
    (immediate,) = args
    q.is_shutdown = True
    if immediate:
        while q.items:
            q._get()
            if q.unfinished > 0:
                q.unfinished -= 1
        _notify(m, q.joiners, len(q.joiners))
    _notify(m, q.getters, len(q.getters))
    _notify(m, q.putters, len(q.putters))
    return Done(None, f"shutdown {q.label}{' (immediate)' if immediate else ''}")


def _query(name: str, fn: Any) -> Any:
    def run(m: Machine, th: Thread, q: Primitive, args: list[Any]) -> Done:
        assert isinstance(q, Queue)
        value = fn(q)
        return Done(value, f"{q.label}.{name}() → {shown(value)}")
    return run


_PUT_SIG = (("item", "block", "timeout"), (True, None))
_GET_SIG = (("block", "timeout"), (True, None))


def _nowait(handler: Any, block_at: int) -> Any:
    """`put_nowait(item)` is `put(item, block=False)`; `get_nowait()`, `get(block=False)`."""
    def run(m: Machine, th: Thread, q: Primitive, args: list[Any]) -> Done | Pending:
        return cast("Done | Pending", handler(m, th, q, [*args[:block_at], False, None]))
    return run


Queue.METHODS = {
    "put": _put, "get": _get, "put_nowait": _nowait(_put, 1), "get_nowait": _nowait(_get, 0),
    "task_done": _task_done, "join": _join, "shutdown": _shutdown,
    "qsize": _query("qsize", lambda q: len(q.items)),
    "empty": _query("empty", lambda q: not q.items),
    "full": _query("full", Queue.full_now),
}
Queue.READY = {**{name: _ready(None) for name in Queue.METHODS},
               "put": _ready("waiting for a free slot on"),
               "get": _ready("waiting for an item on"),
               "join": _ready("waiting for every task of")}
Queue.SIGNATURES = {"put": _PUT_SIG, "get": _GET_SIG, "put_nowait": (("item",), ()),
                    "shutdown": (("immediate",), (False,))}
Queue.PROPERTIES = {
    "maxsize": lambda q: q.maxsize,  # type: ignore[attr-defined]
    "queue": lambda q: q.items,  # type: ignore[attr-defined]
    "unfinished_tasks": lambda q: q.unfinished,  # type: ignore[attr-defined]
    "is_shutdown": lambda q: q.is_shutdown,  # type: ignore[attr-defined]
    **{part: attrgetter(part) for part in ("mutex", "not_empty", "not_full", "all_tasks_done")},
}


def _set_unfinished(q: Primitive, value: Any) -> None:
    """`q.unfinished_tasks = 0` (the recipe that empties a queue under its mutex): a count,
    which `task_done` and `join` compare and subtract from."""
    assert isinstance(q, Queue)
    if not isinstance(value, int):
        raise fail("TypeError", f"unfinished_tasks must be an int here, not "
                                f"{type_name(value)}")
    q.unfinished = value


Queue.SETTERS = {"unfinished_tasks": _set_unfinished}
SimpleQueue.METHODS = {name: Queue.METHODS[name] for name in (
    "put", "put_nowait", "get", "get_nowait", "qsize", "empty")}
SimpleQueue.READY = {"get": Queue.READY["get"]}
SimpleQueue.SIGNATURES = {name: Queue.SIGNATURES[name] for name in ("put", "get", "put_nowait")}
SimpleQueue.PROPERTIES = {}
SimpleQueue.SETTERS = {}


def _ctor(cls: type[Queue]) -> Builtin:
    names, defaults = ((), ()) if cls is SimpleQueue else (("maxsize",), (0,))

    def run(m: Machine, th: Thread, *args: Any, **kwargs: Any) -> Queue:
        q = cls(*bind(cls.kind, args, kwargs, names, defaults))
        m.serial += 1
        q.set_label(f"{cls.kind}#{m.serial}")
        return q
    return Builtin(cls.kind, run, module="queue")


def _instance(cls: Any, obj: Any) -> bool | None:
    """`isinstance(obj, queue.Queue)` (see `introspect.LIBRARY_TYPES`)."""
    if not isinstance(cls, Builtin) or cls.module != "queue" or cls.name not in _KINDS:
        return None
    kind = _KINDS[cls.name]  # a SimpleQueue is no Queue in CPython, unlike a LifoQueue
    return isinstance(obj, kind) and (kind is SimpleQueue or not isinstance(obj, SimpleQueue))


_KINDS = {cls.kind: cls for cls in (Queue, LifoQueue, PriorityQueue, SimpleQueue)}
LIBRARY_TYPES.append(_instance)
LIBRARY_CLASSES.update({kind: (lambda obj: TABLE[obj.kind]) for kind in _KINDS.values()})

TABLE: dict[str, Any] = {
    **{cls.kind: _ctor(cls) for cls in (Queue, LifoQueue, PriorityQueue, SimpleQueue)},
    **{name: ExceptionClass(name) for name in ("Empty", "Full", "ShutDown")},
}

HINT = "Supported: " + ", ".join(sorted(TABLE)) + "."
