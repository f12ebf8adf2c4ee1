"""Objects whose state a shared part keeps beside its bytes, like a number: locks, and queues
of items that are values.

A step on one of them (`with lock:`, `q.put(item)`, `q.get()`) changes that state and nothing
else of the shared part. Kept out of the bytes, the state is a key of its own: the shared
part's bytes stay the same while it changes, and a step on the object can be remembered by
(thread, frames, the object's state) alone (`parts`, `plain`). While the shared part is
written, a lifted object holds nothing of that state (`clear`), which `restore` gives back.

A queue's state is its items (values only: numbers, strings, bytes and tuples of them,
which are copied, never shared), its count of unfinished tasks, whether it is shut down,
its lists of waiting threads, and what each thread waiting in it is doing: which call, and
whether it has been notified. That last part lives in the threads' headers (`Thread.wait`),
which the shared part writes: a queue is lifted only if every thread waiting in it waits
without a deadline, so that its wait can be made again from those two facts.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from .primitives import Lock, Pending, RLock, Wait
from .stdlib.queue import LifoQueue, PriorityQueue, Queue
from .values import Thrown

if TYPE_CHECKING:
    from .machine import Machine, Thread

#: The types of the values a plain step may read or write, numbers (bool and None among
#: them): pickle writes those whole, never as a reference to an equal object written before,
#: so a part's bytes do not depend on where a value came from.
NUMBER_TYPES = frozenset({int, float, bool, type(None)})
#: The values a queue's items may be to be lifted: copied into each part that holds them.
_ITEM_TYPES = NUMBER_TYPES | {str, bytes}
#: How deep tuples in an item may nest (a program can nest them as deep as it likes).
_ITEM_DEPTH = 8

Key = tuple[Any, ...]


def value_key(value: Any) -> Key | None:
    """A key equal for values a program cannot tell apart (not 0.0 and -0.0), None if the
    value is not one a plain step may read or write."""
    kind = type(value)
    if kind not in NUMBER_TYPES:
        return None
    return (kind, value.hex() if kind is float else value)


def item_key(value: Any, depth: int = 0) -> Key | None:
    """A key equal for items a program cannot tell apart: numbers (`value_key`), strings,
    bytes, and tuples of them; None for any other value."""
    kind = type(value)
    if kind is tuple and depth < _ITEM_DEPTH:
        keys = []
        for item in value:
            key = item_key(item, depth + 1)
            if key is None:
                return None
            keys.append(key)
        return (tuple, *keys)
    if kind in NUMBER_TYPES:
        return value_key(value)
    return (kind, value) if kind in _ITEM_TYPES else None


class Lifted(NamedTuple):
    """How one kind of object is lifted out of a shared part's bytes."""

    #: Its state as (key, value), or None if it stays in the bytes.
    state: Callable[[Machine, Any], tuple[Key, Any] | None]
    #: Empty it of that state while the shared part is written.
    clear: Callable[[Machine, Any], None]
    #: Give it back a state `state` read (its value).
    restore: Callable[[Machine, Any, Any], None]


# -- locks -----------------------------------------------------------------------------------

#: The attributes that make a lock's state.
LOCK_NAMES: dict[type, tuple[str, ...]] = {Lock: ("locked", "holder"),
                                           RLock: ("locked", "holder", "count")}


def _lock(names: tuple[str, ...]) -> Lifted:
    read = attrgetter(*names)

    def state(m: Machine, lock: Any) -> tuple[Key, Any]:
        held = read(lock)
        return held, held

    def clear(m: Machine, lock: Any) -> None:
        for name in names:
            setattr(lock, name, None)

    def restore(m: Machine, lock: Any, held: Any) -> None:
        for name, value in zip(names, held, strict=True):
            setattr(lock, name, value)
    return Lifted(state, clear, restore)


# -- queues ----------------------------------------------------------------------------------

def _waits(m: Machine, q: Queue) -> list[tuple[int, str, bool]] | None:
    """(thread, call, notified) of each thread waiting in `q`, None if one has a deadline
    (or is in any other wait a Wait made from those three facts would not be)."""
    found = []
    for th in m.threads:
        w = th.wait
        if type(w) is Wait and w.obj is q:
            if w.timed or w.timed_out or w.deadline is not None or w.saved or w.index:
                return None
            found.append((th.tid, w.phase, w.notified))
    return found


def _queue_state(m: Machine, q: Any) -> tuple[Key, Any] | None:
    maxsize = value_key(q.maxsize)
    waits = _waits(m, q)
    if maxsize is None or waits is None or type(q.unfinished) is not int:
        return None
    keys = []
    for item in q.items:
        key = item_key(item)
        if key is None:
            return None
        keys.append(key)
    lists = (tuple(q.getters), tuple(q.putters), tuple(q.joiners))
    facts = (q.unfinished, q.is_shutdown, *lists, tuple(waits))
    return (maxsize, tuple(keys), *facts), (q.maxsize, tuple(q.items), *facts)


def _clear_queue(m: Machine, q: Any) -> None:
    for th in m.threads:
        if type(th.wait) is Wait and th.wait.obj is q:
            th.wait = None
    q.items.clear()
    q.unfinished = q.is_shutdown = None
    for waiters in (q.getters, q.putters, q.joiners):
        waiters.clear()


def _restore_queue(m: Machine, q: Any, state: Any) -> None:
    _, items, q.unfinished, q.is_shutdown, getters, putters, joiners, waits = state
    q.items.extend(items)  # the very list or deque: a program may hold it (`q.queue`)
    for waiters, tids in ((q.getters, getters), (q.putters, putters), (q.joiners, joiners)):
        waiters.extend(tids)
    for tid, phase, notified in waits:
        m.threads[tid].wait = Wait(q, False, notified=notified, phase=phase)


_QUEUE = Lifted(_queue_state, _clear_queue, _restore_queue)
#: Per kind of object (exactly: a program's subclass is no primitive), how it is lifted.
LIFTED: dict[type, Lifted] = {**{kind: _lock(names) for kind, names in LOCK_NAMES.items()},
                              **dict.fromkeys((Queue, LifoQueue, PriorityQueue), _QUEUE)}
#: The kinds whose waits are lifted with them: their state must be read before any thread's
#: header is written (`waited_in`).
WAITED_IN = frozenset({Queue, LifoQueue, PriorityQueue})


def waited_in(m: Machine) -> list[Any]:
    """The objects of `WAITED_IN`'s kinds some thread of `m` waits in, once each."""
    found: dict[int, Any] = {}
    for th in m.threads:
        w = th.wait
        if type(w) is Wait and type(w.obj) in WAITED_IN:
            found.setdefault(id(w.obj), w.obj)
    return list(found.values())


# -- a queue's calls, worked out on its state --------------------------------------------------

#: A call as a thread's frames are about to make it: the method's name, the arguments on the
#: stack, the names of those given by keyword (the last ones), and the keys of the arguments
#: (`item_key`): what it is remembered by.
Call = tuple[str, tuple[Any, ...], tuple[str, ...], Key]


class _Waiter:
    """A thread as a queue's methods see it: its id, and what it waits for."""

    __slots__ = ("tid", "wait")

    def __init__(self, tid: int) -> None:
        self.tid = tid
        self.wait: Wait | None = None


class _Threads:
    """The threads a queue's methods may look at (those waiting in it, and the caller)."""

    def __init__(self, count: int) -> None:
        self.threads = [_Waiter(tid) for tid in range(count)]


def queue_movable(state: Any, tid: int) -> bool:
    """Whether thread `tid` can call a queue whose lifted state is `state` (see `call_queue`):
    it does not wait in it, or has been notified."""
    return all(waiter != tid or notified for waiter, _, notified in state[-1])


def call_queue(kind: type[Queue], state: Any, tid: int, call: Call
               ) -> tuple[Key, tuple[Key, Any]] | None:
    """Thread `tid`'s `call` on a queue of `kind` whose lifted state is `state`, made on a
    queue rebuilt from that state by the queue's own methods (`stdlib.queue`), not on a
    machine: what the thread gets, ("done", the key of what the call returns) or ("waits",),
    and the queue's state after, as (key, value). None where it raises, or waits with a
    timeout (a deadline on the machine's clock); those are the interpreter's to run."""
    name, args, keywords, _ = call
    given = len(args) - len(keywords)
    q = kind(state[0])
    waits = state[-1]
    threads = _Threads(1 + max([tid, *[t for t, _, _ in waits], *state[4], *state[5],
                                *state[6]]))
    _restore_queue(threads, q, state)  # type: ignore[arg-type]  # the threads it looks at
    try:
        bound = q.bind(name, args[:given], dict(zip(keywords, args[given:], strict=True)))
        if name in ("put", "get") and bound[-1] is not None:
            return None
        outcome = kind.METHODS[name](cast("Machine", threads), cast("Thread", threads.threads[tid]),
                                     q, bound)
    except Thrown:
        return None
    after = _queue_state(threads, q)  # type: ignore[arg-type]
    if after is None:
        return None
    if isinstance(outcome, Pending):
        return ("waits",), after
    got = item_key(outcome.result)
    return None if got is None else (("done", got), after)
