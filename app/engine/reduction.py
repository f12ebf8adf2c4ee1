"""Partial-order reduction: the moves of a state the explorer must walk to miss nothing.

Two schedules that differ only in the order of independent steps (neither reads what the
other writes, neither can enable or disable the other) end in the same state. From a state
where some thread's next step is independent of every step any other thread can take before
it (now or later), walking that step alone loses no reachable outcome, deadlock, race or goal:
any schedule that takes other steps first can take this one first instead, and end the same.
Two kinds of step are known to be such a step here:

- *local*: arithmetic on numbers and strings (the add of `counter += 1`) and a join of a thread
  that has finished. It reads only the thread's own frames (a finished thread's end cannot
  change) and writes nothing shared;
- *unseen*: starting a thread that no other thread can reach (its handle is in none of their
  frames, arguments, nor any global a function names, and no function can list threads).
  Only the starting thread can observe the start;
- *private*: reading an item of a list or dict that no other thread can reach, by the same
  test (MainThread's `for t in threads:` over the list it keeps its threads in). No other
  thread can write what it reads, and it writes nothing shared.

The explorer checks that a local step left the shared part as it was. Where the graph has a
cycle, it also walks a step alone only when the state it leads to is new (the cycle proviso):
a cycle of single steps could otherwise put off the other threads for ever. docs/explorer.md
says more.
"""

from __future__ import annotations

import io
from typing import Any

from .accesses import Access
from .classes import MISSING
from .iterators import SeqIter
from .lifted import NUMBER_TYPES
from .machine import Machine, Thread
from .opcodes import SHARED_ARITHMETIC
from .program import Program
from .snapshot import Pickler
from .threadstate import CRASHED, FINISHED, NEW
from .values import ThreadHandle

#: What a thread's next step is, for the reduction: none of these (most steps), local, private
#: if no other thread can reach what it reads (`private`), or (a number from 0) the start of
#: the thread of that id.
LOCAL = -1
OTHER = -2
PRIVATE = -3
_OPERANDS = NUMBER_TYPES | {str}
#: Module functions that hand out every thread (so any thread's start can be seen).
_LISTERS = frozenset({"enumerate", "active_count", "activeCount", "_enumerate"})


def kind_of(m: Machine, th: Thread, found: tuple[Access, ...]) -> int:
    """LOCAL, OTHER, PRIVATE, or the id of a thread `th` is about to start (whether another
    thread can see it is `unseen`'s to say), given what its next step accesses (`found`)."""
    f = th.frames[-1]
    ins = f.code.instrs[f.pc]
    operands = SHARED_ARITHMETIC.get(ins.op)  # on numbers and strings: the stack only
    if operands is not None:
        return LOCAL if all(type(v) in _OPERANDS for v in f.stack[-operands:]) else OTHER
    if found and not any(access.write for access in found) and _reads_item(ins.op, f.stack):
        return PRIVATE
    handle = thread_called(th)
    if handle is None:
        return OTHER
    name, nargs, kwnames = ins.arg
    if not _native(handle, name):
        return OTHER
    if name == "join":
        return LOCAL if m.threads[handle.tid].state in (FINISHED, CRASHED) else OTHER
    if name == "start" and not nargs and not kwnames and m.threads[handle.tid].state == NEW:
        return handle.tid
    return OTHER


def _reads_item(op: str, stack: list[Any]) -> bool:
    """Whether the step only reads an item of a list or dict, or a list's size (the next
    item of a `for` loop over it): no program code runs, nothing is stored."""
    if op == "FOR_ITER":
        it = stack[-1]
        return type(it) is SeqIter and type(it.seq) is list
    return op == "SUBSCR" and type(stack[-2]) in (list, dict)


def private(m: Machine, reader: int, objects: list[Any]) -> bool:
    """Whether no thread but `reader` can reach any of `objects`."""
    return not _reached_by_others(m, (reader,), objects)


def _reached_by_others(m: Machine, apart: tuple[int, ...], objects: list[Any]) -> bool:
    """Whether a live thread not in `apart` may reach one of `objects`: from its frames, its
    target or arguments, or a global a function names."""
    program = m.program
    roots: list[Any] = [value for name, value in m.globals.items()
                        if name in program.named_in_functions]
    for th in m.threads:
        if th.tid not in apart and th.state not in (FINISHED, CRASHED):
            roots.append((th.target, th.args, th.kwargs, th.frames))
    return within_reach(roots, {id(obj) for obj in objects})


def thread_called(th: Thread) -> ThreadHandle | None:
    """The thread object whose method `th`'s next step calls (`t.start()`, `t.join()`), if
    it is one."""
    f = th.frames[-1]
    ins = f.code.instrs[f.pc]
    if ins.op != "CALL_METHOD":
        return None
    _, nargs, kwnames = ins.arg
    callee = f.stack[-nargs - len(kwnames) - 1]
    return callee if type(callee) is ThreadHandle else None


def reads_rest(th: Thread) -> bool:
    """Whether `th`'s next step reads nothing a shared part keeps beside its bytes (numbers
    held by shared variables, locks' and queues' states: `parts`): the next item of a list
    or tuple (`for t in threads:`), or threading's own `start()` or `join()` of a thread,
    which read threads' headers."""
    f = th.frames[-1]
    ins = f.code.instrs[f.pc]
    if ins.op == "FOR_ITER":
        it = f.stack[-1]
        return type(it) is SeqIter and type(it.seq) in (list, tuple)
    handle = thread_called(th)
    return handle is not None and ins.arg[0] in ("start", "join") and ins.arg[1:] == (
        0, ()) and _native(handle, ins.arg[0])


def _native(handle: ThreadHandle, name: str) -> bool:
    """Whether `handle.name(...)` is threading's own method, not a subclass's."""
    return handle.cls is None or handle.cls.lookup(name) is MISSING


def unseen(m: Machine, starter: int, started: int) -> bool:
    """Whether no thread but `starter` (and the thread itself) can observe the start of
    thread `started`."""
    if lists_threads(m.program):
        return False
    return not _reached_by_others(m, (starter, started), [m.threads[started].handle])


def within_reach(roots: list[Any], targets: set[int]) -> bool:
    """Whether an object whose id is in `targets` can be reached from `roots`; also when
    there is more to look through than a step is worth (`MOST`): it may be."""
    writer = Pickler(_Bounded())
    try:
        writer.dump(roots)
    except _TooMuch:
        return True
    return any(id(obj) in targets for _, obj in writer.memo.copy().values())


#: Bytes of what other threads can reach that `within_reach` looks through before it gives up.
MOST = 1 << 20


class _TooMuch(Exception):
    pass


class _Bounded(io.RawIOBase):
    """Writes nothing, and refuses to go past MOST bytes."""

    def __init__(self) -> None:
        self.written = 0

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self.written += len(data)
        if self.written > MOST:
            raise _TooMuch
        return len(data)


def lists_threads(program: Program) -> bool:
    """Whether `program` may call a function that lists threads: it names one (or `getattr`,
    which could)."""
    names = program.names
    return (not names.attributes.isdisjoint(_LISTERS) or "getattr" in names.variables
            or any(name in _LISTERS or name == "*" for _, name in names.imported_from))
