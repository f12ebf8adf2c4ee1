"""Threads and primitives described for display: what the page, the offline file and the
command line's trace show of a machine, read off its internals in one place.

A reader outside the engine gets names, states, places and words from here (and the values
the threads hold, for a heap view) and never walks a thread's frames or a lock's fields
itself, so the machine may change how it keeps them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any, NamedTuple

from .machine import Machine, Thread
from .primitives import BROKEN, Barrier, Condition, Event, Lock, Primitive, RLock, Semaphore
from .stdlib.future import Future
from .stdlib.queue import Queue
from .threadstate import ALIVE
from .values import ThreadHandle, represent, shown

#: How far `primitives_of` looks into containers: deep enough for `forks[i]` and a dict of
#: lists of locks, bounded so a big or self-containing list costs little.
SEARCH_DEPTH, SEARCH_ITEMS = 4, 1_000

#: Values a thread can hold mid-statement that a learner reads as data (not a function or an
#: object it is about to call).
_PLAIN = (int, float, str, bool, type(None))


@dataclass(frozen=True)
class ThreadInfo:
    """One thread as it stands between two steps.

    >>> [t.name for t in describe_threads(m)]
    ['MainThread', 'Thread-1 (worker)']
    """

    tid: int
    name: str
    state: str  # threadstate: NEW, ALIVE, FINISHED or CRASHED
    #: The line of its next step (None unless alive, or inside a library's own loop).
    line: int | None
    #: First and last line of the code it runs (its target's, or the module's), if it has any.
    lines: tuple[int, int] | None
    #: First and last line of the function its next step is in (None unless alive).
    callee_lines: tuple[int, int] | None
    #: Why it cannot move now, in words (None when it can, or is not alive).
    blocked: str | None
    #: The locks it holds, by label.
    holds: tuple[str, ...]
    #: The thread that can release it, when one can (a lock's holder, the thread it joins).
    waits_for: str | None
    #: The plain values it holds mid-statement (read, not yet written back), in words.
    holding: tuple[str, ...]
    #: The exception that ended it, as "Type: message" or "Type" ("" if none).
    error: str


@dataclass(frozen=True)
class PrimitiveInfo:
    """One lock, condition, semaphore, event, barrier or queue, in words.

    >>> describe_primitive(lock, ["MainThread", "Thread-1"]).detail
    'acquired by Thread-1'
    """

    label: str
    kind: str  # "Lock", "BoundedSemaphore", "LifoQueue", …
    state: str  # a word: held/free, set/clear, ok/broken, full/ok/empty ("" for others)
    detail: str
    #: The thread holding it (a lock's, or a condition's lock's), if one does.
    holder: str | None = None
    #: An RLock's recursion depth (0 for everything else).
    depth: int = 0
    #: Threads waiting on it, the first in line first.
    waiters: tuple[str, ...] = ()
    #: How many of `capacity` slots are taken: a semaphore's value of its initial one, a
    #: barrier's arrivals of its parties (0 of 0 for the others).
    filled: int = 0
    capacity: int = 0
    #: A queue's items, the next one out first (at most `Queue.contents` shows).
    items: tuple[str, ...] = ()
    #: A condition's lock.
    lock: PrimitiveInfo | None = None


class Place(NamedTuple):
    """Where a thread is in its code: the line of the instruction its innermost frame is at,
    and the first and last lines of that frame's function (0 in a library's own code)."""

    line: int
    first_line: int
    last_line: int


def place_of(th: Thread) -> Place | None:
    """Where `th` is (None while it runs no code). Read as an exception starts unwinding
    (`Machine.unwind`), it is the line CPython's traceback ends with."""
    if not th.frames:
        return None
    # In the library's own code (line 0: a `map`'s loop), where the program's code runs it.
    f = next((f for f in reversed(th.frames) if f.code.instrs[f.pc].line), th.frames[-1])
    return Place(f.code.instrs[f.pc].line, f.code.first_line, f.code.last_line)


def thread_values(m: Machine) -> Iterator[Any]:
    """What the threads hold, for a view of the heap as Python Tutor draws it: each thread's
    object, then the local names of its frames, innermost last. MainThread's module frame
    is left out: its names are the globals."""
    for th in m.threads:
        yield th.handle
        for frame in th.frames[1:] if th.tid == 0 else th.frames:
            yield from frame.locals.values()


def describe_threads(m: Machine) -> list[ThreadInfo]:
    """Every thread of `m`, in thread order."""
    locks = [p for p in primitives_of(m) if isinstance(p, Lock)]
    return [_thread(m, th, locks) for th in m.threads]


def _thread(m: Machine, th: Thread, locks: Sequence[Lock]) -> ThreadInfo:
    target = getattr(th.target, "fn", th.target)  # a bound method's function
    code = th.frames[0].code if th.frames else getattr(target, "code", None)
    line = callee = None
    holding: tuple[str, ...] = ()
    place = place_of(th) if th.state == ALIVE else None
    if place is not None:
        line = place.line or None
        callee = (place.first_line, place.last_line)
        holding = tuple(shown(v) for v in th.frames[-1].stack if isinstance(v, _PLAIN))
    return ThreadInfo(
        th.tid, th.name, th.state, line,
        (code.first_line, code.last_line) if code is not None else None, callee,
        why_blocked(m, th), tuple(lock.label for lock in locks if lock.held_by() == th.tid),
        _waits_for(m, th), holding,
        next((f"{e.type}: {e.message}" if e.message else e.type
              for tid, e in m.errors if tid == th.tid), ""))


def describe_primitives(m: Machine) -> list[PrimitiveInfo]:
    """Every primitive the globals reach, in `primitives_of`'s order."""
    names = [th.name for th in m.threads]
    return [describe_primitive(p, names) for p in primitives_of(m)]


def describe_primitive(p: Primitive, names: Sequence[str]) -> PrimitiveInfo:
    """`p` in words; `names` are the threads' names by thread id."""
    if isinstance(p, RLock):
        holder = None if p.holder is None else names[p.holder]
        return PrimitiveInfo(p.label, "RLock", "free" if holder is None else "held",
                             "unowned" if holder is None else f"owned by {holder}, depth "
                             f"{p.count}", holder, p.count)
    if isinstance(p, Lock):
        held = p.held_by()
        holder = None if held is None else names[held]
        return PrimitiveInfo(p.label, "Lock", "held" if p.locked else "free",
                             "unlocked" if holder is None else f"acquired by {holder}", holder)
    if isinstance(p, Condition):
        lock = describe_primitive(p.lock, names)
        return PrimitiveInfo(p.label, "Condition", "held" if p.lock.locked else "free",
                             f"lock {p.lock.label}: {p.lock.describe()}", lock.holder,
                             waiters=_names(p.waiters, names), lock=lock)
    if isinstance(p, Semaphore):
        return PrimitiveInfo(p.label, p.kind, "free" if p.value else "empty",
                             f"value {represent(p.value)}" + (
                                 f" (bound {represent(p.initial)})" if p.bounded else ""),
                             waiters=_names(p.waiters, names), filled=p.value, capacity=p.initial)
    if isinstance(p, Event):
        return PrimitiveInfo(p.label, "Event", "set" if p.flag else "clear",
                             "flag set" if p.flag else "flag not set",
                             waiters=_names(p.waiters, names))
    if isinstance(p, Barrier):
        return PrimitiveInfo(p.label, "Barrier", "broken" if p.state == BROKEN else "ok",
                             p.describe(), waiters=_names(p.waiters, names), filled=p.count,
                             capacity=p.parties)
    if isinstance(p, Queue):
        return PrimitiveInfo(p.label, p.kind, "full" if p.full_now() else (
            "ok" if p.items else "empty"), p.describe(),
            waiters=_names(p.getters + p.putters + p.joiners, names),
            items=tuple(p.contents()))
    return PrimitiveInfo(p.label, p.kind, "", p.describe())


def _names(tids: Sequence[int], names: Sequence[str]) -> tuple[str, ...]:
    return tuple(names[t] for t in tids)


def primitives_of(m: Machine) -> list[Primitive]:
    """Every primitive reachable from the globals, in a stable order."""
    found: list[Primitive] = []
    seen: set[int] = set()

    def visit(value: Any, depth: int) -> None:
        if id(value) in seen or depth > SEARCH_DEPTH:
            return
        if isinstance(value, Primitive):
            seen.add(id(value))
            found.append(value)
            if isinstance(value, Condition):
                visit(value.lock, depth + 1)
        elif isinstance(value, list | tuple | dict | set | frozenset):
            seen.add(id(value))
            items = value.values() if isinstance(value, dict) else value
            for item in islice(items, SEARCH_ITEMS):
                visit(item, depth + 1)

    for name, value in m.globals.items():
        if not name.startswith("."):
            visit(value, 0)
    return found


def why_blocked(m: Machine, th: Thread) -> str | None:
    """Why `th` cannot take its next step, in words (None if it can, or is not alive)."""
    if th.state != ALIVE:
        return None
    ins = m.next_instr(th)
    if ins.guard is None or ins.guard(m, th):
        return None
    return ins.blocked(m, th) if ins.blocked else "blocked"


def _waits_for(m: Machine, th: Thread) -> str | None:
    """The thread `th` waits for, if one thread can release it: a lock's holder, or the
    thread it joins."""
    if th.state != ALIVE:
        return None
    ins = m.next_instr(th)
    if ins.op != "CALL_METHOD" or why_blocked(m, th) is None:
        return None
    name, nargs, kwnames = ins.arg
    obj = th.frames[-1].stack[-nargs - len(kwnames) - 1]
    if isinstance(obj, ThreadHandle) and name == "join":
        return m.threads[obj.tid].name
    if isinstance(obj, Condition) and (name in ("acquire", "__enter__") or (
            name == "wait" and th.wait is not None and (th.wait.notified or th.wait.timed_out))):
        obj = obj.lock
    if isinstance(obj, Lock) and name in ("acquire", "__enter__", "wait"):
        holder = obj.held_by()
        return None if holder is None else m.threads[holder].name
    if isinstance(obj, Future) and obj.runner is not None:  # result(), exception()
        return m.threads[obj.runner].name
    return None
