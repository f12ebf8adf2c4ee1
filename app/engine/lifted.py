"""Objects whose state a shared part keeps beside its bytes, like a number: locks, queues of
items that are values, semaphores and events.

A step on one of them (`with lock:`, `q.put(item)`, `q.get()`, `with sem:`, `ev.set()`)
changes that state and nothing else of the shared part. Kept out of the bytes, the state is
a key of its own: the shared part's bytes stay the same while it changes, and a step on the
object can be remembered by (thread, frames, the object's state) alone (`parts`, `plain`).
While the shared part is written, a lifted object holds nothing of that state (`clear`),
which `restore` gives back.

A queue's state is its items (values only: numbers, strings, bytes and tuples of them,
which are copied, never shared), its count of unfinished tasks, whether it is shut down and
its lists of waiting threads; a semaphore's, its value and waiting threads; an event's, its
flag and waiting threads. With each goes what each thread waiting in it is doing: which
call, and whether it has been notified. That part lives in the threads' headers
(`Thread.wait`), which the shared part writes: such an object is lifted only if every thread
waiting in it waits without a deadline, so that its wait can be made again from those facts.
A call on one of these is worked out on its state (`call_lifted`), not remembered by it.
"""
from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from .calls import call_method
from .primitives import Event, Lock, RLock, Semaphore, Wait
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
    #: For a kind whose calls are worked out on its state (`call_lifted`), a fresh object of
    #: the kind made from the value of its own part of a state; None for a lock, whose calls
    #: are remembered by its state.
    fresh: Callable[[type, Any], Any] | None = None


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


# -- objects threads wait in: queues, semaphores, events --------------------------------------

def _waits(m: Machine, obj: Any) -> list[tuple[int, str, bool]] | None:
    """(thread, call, notified) of each thread waiting in `obj`, None if one has a deadline
    (or is in any other wait a Wait made from those three facts would not be)."""
    found = []
    for th in m.threads:
        w = th.wait
        if type(w) is Wait and w.obj is obj:
            if w.timed or w.timed_out or w.deadline is not None or w.saved or w.index:
                return None
            found.append((th.tid, w.phase, w.notified))
    return found


class _Waited(NamedTuple):
    """One kind of object threads wait in, lifted with what each thread waiting in it is
    doing (`_waited`): its own state as (key, value), or None if it stays in the bytes; how
    to empty it and give it back; and a fresh object of the kind made from a value, for a
    call worked out on it (`call_lifted`)."""

    facts: Callable[[Any], tuple[Key, Any] | None]
    clear: Callable[[Any], None]
    restore: Callable[[Any, Any], None]
    fresh: Callable[[type, Any], Any]


def _waited(kind: _Waited) -> Lifted:
    def state(m: Machine, obj: Any) -> tuple[Key, Any] | None:
        waits, facts = _waits(m, obj), kind.facts(obj)
        if waits is None or facts is None:
            return None
        return (facts[0], tuple(waits)), (facts[1], tuple(waits))

    def clear(m: Machine, obj: Any) -> None:
        for th in m.threads:
            if type(th.wait) is Wait and th.wait.obj is obj:
                th.wait = None
        kind.clear(obj)

    def restore(m: Machine, obj: Any, value: Any) -> None:
        facts, waits = value
        kind.restore(obj, facts)
        for tid, phase, notified in waits:
            m.threads[tid].wait = Wait(obj, False, notified=notified, phase=phase)
    return Lifted(state, clear, restore, kind.fresh)


def _queue_facts(q: Any) -> tuple[Key, Any] | None:
    """A queue's items (values only), unfinished tasks, whether it is shut down, and its
    lists of waiting threads; with its maxsize, which a fresh queue is made with."""
    maxsize = value_key(q.maxsize)
    if maxsize is None or type(q.unfinished) is not int:
        return None
    keys = []
    for item in q.items:
        key = item_key(item)
        if key is None:
            return None
        keys.append(key)
    facts = (q.unfinished, q.is_shutdown, tuple(q.getters), tuple(q.putters),
             tuple(q.joiners))
    return (maxsize, tuple(keys), *facts), (q.maxsize, tuple(q.items), *facts)


def _clear_queue(q: Any) -> None:
    q.items.clear()
    q.unfinished = q.is_shutdown = None
    for waiters in (q.getters, q.putters, q.joiners):
        waiters.clear()


def _restore_queue(q: Any, facts: Any) -> None:
    _, items, q.unfinished, q.is_shutdown, getters, putters, joiners = facts
    q.items.extend(items)  # the very list or deque: a program may hold it (`q.queue`)
    for waiters, tids in ((q.getters, getters), (q.putters, putters), (q.joiners, joiners)):
        waiters.extend(tids)


def _semaphore_facts(sem: Any) -> tuple[Key, Any] | None:
    """A semaphore's value and waiting threads, with its initial value and whether it is
    bounded (a release checks them)."""
    if type(sem.value) is not int or type(sem.initial) is not int:
        return None
    facts = (sem.initial, sem.bounded, sem.value, tuple(sem.waiters))
    return facts, facts


def _clear_semaphore(sem: Any) -> None:
    sem.value = None
    sem.waiters.clear()


def _restore_semaphore(sem: Any, facts: Any) -> None:
    sem.value = facts[2]
    sem.waiters.extend(facts[3])


def _event_facts(ev: Any) -> tuple[Key, Any]:
    facts = (ev.flag, tuple(ev.waiters))
    return facts, facts


def _clear_event(ev: Any) -> None:
    ev.flag = None
    ev.waiters.clear()


def _restore_event(ev: Any, facts: Any) -> None:
    ev.flag = facts[0]
    ev.waiters.extend(facts[1])


#: Queues of the library's own kinds (not SimpleQueue, which has no mutex).
QUEUES = frozenset({Queue, LifoQueue, PriorityQueue})
_WAITED: dict[type, Lifted] = {
    **dict.fromkeys(QUEUES, _waited(_Waited(
        _queue_facts, _clear_queue, _restore_queue, lambda kind, facts: kind(facts[0])))),
    Semaphore: _waited(_Waited(_semaphore_facts, _clear_semaphore, _restore_semaphore,
                               lambda kind, facts: Semaphore(facts[0], facts[1]))),
    Event: _waited(_Waited(_event_facts, _clear_event, _restore_event,
                           lambda kind, facts: Event())),
}
#: Per kind of object (exactly: a program's subclass is no primitive), how it is lifted.
LIFTED: dict[type, Lifted] = {**{kind: _lock(names) for kind, names in LOCK_NAMES.items()},
                              **_WAITED}
#: The kinds whose waits are lifted with them: their state must be read before any thread's
#: header is written (`waited_in`).
WAITED_IN = frozenset(_WAITED)


def waited_in(m: Machine) -> list[Any]:
    """The objects of `WAITED_IN`'s kinds some thread of `m` waits in, once each."""
    found: dict[int, Any] = {}
    for th in m.threads:
        w = th.wait
        if type(w) is Wait and type(w.obj) in WAITED_IN:
            found.setdefault(id(w.obj), w.obj)
    return list(found.values())


# -- calls worked out on a lifted state -------------------------------------------------------

#: A call as a thread's frames are about to make it: the method's name, the arguments on the
#: stack, the names of those given by keyword (the last ones), and the keys of the arguments
#: (`item_key`): what it is remembered by.
Call = tuple[str, tuple[Any, ...], tuple[str, ...], Key]


class _Waiter:
    """A thread as an object's methods see it: its id, what it waits for, and the rest of
    what they may set or read (a timed wait's hand-over, a name in a text)."""

    __slots__ = ("tid", "wait", "brk", "name")

    def __init__(self, tid: int) -> None:
        self.tid = tid
        self.wait: Wait | None = None
        self.brk: Any = None
        self.name = ""


class _Waiters(list[_Waiter]):
    """The threads an object's methods may look at, made as they are asked for."""

    def __getitem__(self, tid: Any) -> Any:
        while len(self) <= tid:
            self.append(_Waiter(len(self)))
        return super().__getitem__(tid)


class _Scratch:
    """What an object's methods may read of a machine: its threads, and a clock (a timed
    wait's deadline; such a state is not lifted, so the clock's value does not matter)."""

    def __init__(self) -> None:
        self.threads = _Waiters()
        self.clock = 0


def movable(value: Any, tid: int) -> bool:
    """Whether thread `tid` can call an object whose lifted state is `value` (see
    `call_lifted`): it does not wait in it, or has been notified."""
    return all(waiter != tid or notified for waiter, _, notified in value[1])


def call_lifted(kind: type, value: Any, tid: int, call: Call
                ) -> tuple[Key, tuple[Key, Any]] | None:
    """Thread `tid`'s `call` on an object of `kind` whose lifted state is `value`, made by
    the interpreter's own call of a method (`calls.call_method`) on an object of the kind
    made afresh from that state, not on a machine: what the thread gets, ("done", the key
    of what the call returns) or ("waits",), and the object's state after, as (key, value).
    None where it raises, waits with a timeout (a deadline on the machine's clock), or
    looks at more of a machine than threads; those are the interpreter's to run."""
    name, args, keywords, _ = call
    given = len(args) - len(keywords)
    lifted = LIFTED[kind]
    obj = lifted.fresh(kind, value[0])  # type: ignore[misc]  # the kinds that wait have one
    scratch = _Scratch()
    machine = cast("Machine", scratch)
    lifted.restore(machine, obj, value)
    try:
        done, result, _ = call_method(machine, cast("Thread", scratch.threads[tid]), obj, name,
                                      list(args[:given]),
                                      dict(zip(keywords, args[given:], strict=True)))
    except (Thrown, AttributeError):
        return None
    after = lifted.state(machine, obj)
    if after is None:
        return None
    if not done:
        return ("waits",), after
    got = item_key(result)
    return None if got is None else (("done", got), after)
