"""A machine's state in parts: one shared part, and one part per thread's frames.

The explorer's states are tuples of part numbers, and it remembers steps by their parts. A step
of thread t reads and writes the shared part (globals, output, errors, and every thread's
header: name, state, what it waits for) and t's own frames, never another thread's frames
(starting a thread fills frames that were empty; see `Machine`: other threads are only ever
looked at through their headers). So the step of t from (shared part, t's frames) ends in the
same parts whatever the other threads' frames hold: once taken, it is a dictionary lookup
wherever it recurs. 3 threads x 3 unlocked increments take 93,928 steps between 35,666
states, but only 3,942 different (thread, shared part, frames) triples: the interpreter runs
for those alone.

Frames refer to the objects of the shared part (a global list, a lock, a thread handle) by
their position in its table of objects, so a thread's frames keep their bytes while other
threads move, as long as the table keeps its order; a step that reorders it is never
remembered. An object two threads' frames hold and the shared part does not (a list handed
over through a queue and kept by both) cannot be split that way: such a state is kept whole,
frames and all, in its shared part, and steps from it are still remembered, keyed by all of it.

Values (numbers, strings, tuples) are copied into each part that holds them rather than
shared by position: only `is` between a string held by a global and by a local could tell.
"""

from __future__ import annotations

import io
import pickle
from collections.abc import Callable
from operator import attrgetter, is_
from typing import Any, Generic, TypeVar

from .calls import Builtin
from .code import Code
from .errors import BudgetError
from .machine import ALIVE, CRASHED, FINISHED, NEW, Machine, Thread
from .snapshot import _READERS, _Pickler, _rebuild, contents, rebuilt, restore, snapshot
from .values import ExceptionClass, SimException

#: Frame-part numbers with a meaning: no frames (not started, or ended), and "in the shared
#: part" (a state kept whole).
EMPTY, WHOLE = 0, 1

#: Types whose objects are values (or program constants): copied, not shared by position.
_VALUES = frozenset({str, bytes, tuple, int, float, complex, frozenset, range, bool,
                     type(None), Code, Builtin, ExceptionClass, SimException})
_HEADER = ("tid", "name", "target", "args", "kwargs", "daemon", "state", "wait", "handle")
assert set(_HEADER) == set(Thread.__slots__) - {"frames", "brk"}  # `_new_header` reads these
_header_fields = attrgetter(*_HEADER)

State = tuple[int, ...]  # (shared part, frames of thread 0, frames of thread 1, ...)
Facts = TypeVar("Facts")


#: A thread's state is written as its number here and read back as the very constant, so a
#: thread started in a machine read from parts is written like one started in a fresh run.
_STATES = (NEW, ALIVE, FINISHED, CRASHED)
_STATE = _HEADER.index("state")


def _header(th: Thread) -> tuple:
    fields = list(_header_fields(th))
    fields[_STATE] = _STATES.index(th.state)
    return (_rebuild, ("header", tuple(fields)))


def _new_header(values: tuple) -> Thread:
    th = Thread.__new__(Thread)
    (th.tid, th.name, th.target, th.args, th.kwargs, th.daemon, state, th.wait,
     th.handle) = values
    th.state = _STATES[state]
    th.frames = []
    th.brk = False
    return th


_READERS["header"] = _new_header


class _SharedPickler(_Pickler):
    """Writes threads as their headers: their frames are parts of their own."""

    def reducer_override(self, obj: Any) -> Any:
        if type(obj) is Thread:
            return _header(obj)
        return super().reducer_override(obj)


class _FramesPickler(_Pickler):
    """Writes an object of the shared part as its position in the shared part's table."""

    def __init__(self, file: io.BytesIO, positions: dict[int, int]) -> None:
        super().__init__(file, pickle.HIGHEST_PROTOCOL)
        self.positions = positions

    def persistent_id(self, obj: Any) -> int | None:
        return self.positions.get(id(obj))


class _Interned:
    """Equal bytes get one number."""

    def __init__(self) -> None:
        self.items: list[bytes] = []
        self.numbers: dict[bytes, int] = {}

    def number(self, data: bytes) -> tuple[int, bool]:
        """The number of `data`, and whether it is new."""
        n = self.numbers.get(data)
        if n is not None:
            return n, False
        n = self.numbers[data] = len(self.items)
        self.items.append(data)
        return n, True


#: A remembered step: the new shared part, the stepping thread's new frames, frames filled in
#: threads that had none (thread, part), and the number of threads after it.
Move = tuple[int, int, tuple[tuple[int, int], ...], int]


class Parts(Generic[Facts]):
    """States of one program as parts, with the steps and per-thread facts seen so far.

    `facts(machine, thread)` is what the explorer wants to know of a thread in a state
    (whether it can move, what it is about to touch); it may read only the shared state and
    that thread's own frames, so it too is remembered by (thread, shared part, frames)."""

    def __init__(self, like: Machine, facts: Callable[[Machine, Thread], Facts]) -> None:
        self.like = like
        self.facts = facts
        self.shared = _Interned()
        self.frames = _Interned()
        for reserved in (b"empty", b"whole"):  # numbered EMPTY and WHOLE
            self.frames.number(reserved)
        #: Per shared part: whether the process has ended there.
        self.over: list[bool] = []
        self.moves: dict[tuple[int, int, int], Move | None] = {}
        self.known: dict[tuple[int, int, int], Facts] = {}

    # -- states and machines -----------------------------------------------------------------

    def split(self, m: Machine) -> State:
        """The state of `m`."""
        return self._split(m, ())[0]

    def step(self, state: State, tid: int) -> State:
        """The state after `tid` steps from `state`: remembered, or run and remembered (a
        budget blown is raised as `Blown`, with the machine where it happened)."""
        after = self._moved(state, tid)
        if after is not None:
            return after
        m, table = self.join(state)
        try:
            m.step(tid)
        except BudgetError as e:
            raise Blown(m, e) from e
        before = state[1:]
        keep: tuple[int, ...] = ()
        if before[0] != WHOLE:
            # Only the stepping thread's frames, and those of a thread it started, changed.
            keep = tuple(before[j] if j != tid and j < len(before) and (
                before[j] != EMPTY or not th.frames) else -1 for j, th in enumerate(m.threads))
        after, new_table = self._split(m, keep, table)
        self.learn(m, after)
        self._remember(state, tid, table, after, new_table)
        return after

    def _split(self, m: Machine, keep: tuple[int, ...], table: list[Any] | None = None
               ) -> tuple[State, list[Any]]:
        """The state of `m` and its table, taking from `keep` the frame parts (those not -1)
        known not to have changed since `table`, if the new table keeps its order."""
        buffer = io.BytesIO()
        pickler = _SharedPickler(buffer, pickle.HIGHEST_PROTOCOL)
        pickler.dump(contents(m))
        new_table = [obj for _, obj in sorted(pickler.memo.copy().values())
                     if type(obj) not in _VALUES]
        if keep and not _keeps_order(table or [], new_table):
            keep = ()
        positions = {id(obj): i for i, obj in enumerate(new_table)}
        frames: list[int] = []
        held: set[int] = set()
        for i, th in enumerate(m.threads):
            if keep and keep[i] != -1:
                frames.append(keep[i])
                continue
            if not th.frames:
                frames.append(EMPTY)
                continue
            part = io.BytesIO()
            writer = _FramesPickler(part, positions)
            writer.dump(th.frames)
            own = {id(obj) for _, obj in writer.memo.copy().values()
                   if type(obj) not in _VALUES}
            if held & own:  # an object two threads hold outside the shared part
                return self._whole(m), []
            held |= own
            frames.append(self.frames.number(part.getvalue())[0])
        pickler.dump(new_table)  # positions → objects, for `join`
        return (self._shared(m, buffer.getvalue()), *frames), new_table

    def _whole(self, m: Machine) -> State:
        return (self._shared(m, snapshot(m)), *[WHOLE] * len(m.threads))

    def _shared(self, m: Machine, data: bytes) -> int:
        number, new = self.shared.number(data)
        if new:
            self.over.append(m.over())
        return number

    def join(self, state: State) -> tuple[Machine, list[Any]]:
        """A machine in `state`, and the table its frames were read with."""
        data = self.shared.items[state[0]]
        if state[1] == WHOLE:
            return restore(self.like, data), []
        reader = pickle.Unpickler(io.BytesIO(data))
        m = rebuilt(self.like, reader.load())
        table = reader.load()
        for th, part in zip(m.threads, state[1:], strict=True):
            if part == EMPTY:
                continue
            frames = pickle.Unpickler(io.BytesIO(self.frames.items[part]))
            frames.persistent_load = table.__getitem__
            th.frames = frames.load()
        return m, table

    # -- what is remembered --------------------------------------------------------------------

    def facts_of(self, state: State) -> list[Facts]:
        """Every thread's facts in `state`."""
        g = state[0]
        known = self.known
        found = []
        for tid in range(len(state) - 1):
            facts = known.get((tid, g, state[tid + 1]))
            if facts is None:
                self.learn(self.join(state)[0], state)
                return self.facts_of(state)
            found.append(facts)
        return found

    def learn(self, m: Machine, state: State) -> None:
        """Remember the facts of every thread of `m`, which is in `state`."""
        g = state[0]
        for th, part in zip(m.threads, state[1:], strict=True):
            key = (th.tid, g, part)
            if key not in self.known:
                self.known[key] = self.facts(m, th)

    def _moved(self, state: State, tid: int) -> State | None:
        """The state after `tid` steps from `state`, if that step has been seen before."""
        move = self.moves.get((tid, state[0], state[tid + 1]))
        if move is None:
            return None
        shared, own, filled, count = move
        if not filled and count == len(state) - 1:
            return (shared, *state[1:tid + 1], own, *state[tid + 2:])
        new = list(state)
        new.extend([EMPTY] * (count + 1 - len(new)))
        new[0] = shared
        new[tid + 1] = own
        for other, part in filled:
            new[other + 1] = part
        return tuple(new)

    def _remember(self, state: State, tid: int, table: list[Any], after: State,
                 new_table: list[Any]) -> None:
        """Remember the step of `tid` from `state` to `after` where it does not depend on the
        other threads' frames (see the module's docstring); the tables are those `join`
        and `split` gave for the two states."""
        key = (tid, state[0], state[tid + 1])
        if key in self.moves:
            return
        before = state[1:]
        filled = []
        for other, part in enumerate(after[1:]):
            old = before[other] if other < len(before) else EMPTY
            if other == tid or part == old:
                continue
            if old != EMPTY:
                self.moves[key] = None
                return
            filled.append((other, part))
        kept = [p for i, p in enumerate(before) if i != tid and p > WHOLE]
        if kept and not _keeps_order(table, new_table):
            self.moves[key] = None
            return
        self.moves[key] = (after[0], after[tid + 1], tuple(filled), len(after) - 1)


class Blown(Exception):
    """A step blew a budget: the machine as it was left, and the BudgetError."""

    def __init__(self, machine: Machine, error: BudgetError) -> None:
        super().__init__(str(error))
        self.machine = machine
        self.error = error


def _keeps_order(old: list[Any], new: list[Any]) -> bool:
    """Every object of the old table is at its old position in the new one."""
    return len(new) >= len(old) and all(map(is_, old, new))
