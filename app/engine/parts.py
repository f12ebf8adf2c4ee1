"""A machine's state in parts: one shared part, and one part per thread's frames.

The explorer's states are numbers made of part numbers, and it remembers steps by their parts.
A step of thread t reads and writes the shared part (globals, output, errors, and every
thread's header: name, state, what it waits for) and t's own frames, never another thread's
frames (starting a thread fills frames that were empty; see `Machine`: other threads are only
ever looked at through their headers). So the step of t from (shared part, t's frames) ends in
the same parts whatever the other threads' frames hold: once taken, it is a number added to
the state wherever it recurs.

Frames refer to the objects of the shared part (a global list, a lock, a thread handle) by
their position in its table of objects, so a thread's frames keep their bytes while other
threads move, as long as the table keeps its order; a step that reorders it is never
remembered. An object two threads' frames hold and the shared part does not (a list handed
over through a queue and kept by both, a list a function hands to a pool's worker) is taken
into the shared part, written after the rest, so that both frames name it by position. Only
if that fails is a state kept whole, frames and all, in its shared part; steps from it are
still remembered, keyed by all of it.

The globals no function names (the `t` of `for t in threads: t.join()`), while they hold a
number, a string or a thread, are kept with MainThread's frames rather than in the shared part
(`Parts._moving`): only MainThread's own code can read or write them, so they are part of no
other thread's step.

Values (numbers, strings, tuples) are copied into each part that holds them rather than
shared by position: only `is` between a string held by a global and by a local could tell.

Most steps depend on even less. A *plain* step (a read or write of a shared variable holding
a number, or arithmetic) of a thread other than MainThread whose frames hold no object of the
shared part, and whose code can reach none (`plain.Rules.sealed`), depends only on those frames
and, for a read, the value read: its local instructions can read nothing else other threads
change, and constants are bound before any thread can start (`scope`). So it is remembered
by (thread, frames, value read), lands in the same frames whatever else the shared part
holds, and changes the shared part only by its write (and, for a thread's last step, by its
end). 3 threads x 3 unlocked increments take 93,928 steps between 35,666 states: the
interpreter runs 295 times, for MainThread's steps and each plain step's first.

Frames may hold objects of the shared part (the lock of a `with`) and still take plain steps,
if the step looks at none of them: its operands are numbers and the local instructions
after it only move values between stack, locals and constants, or loop (`plain`).
What the frames' positions stand for (the kinds of the objects held, and where the constants
those instructions load are) is then part of what the step is remembered by. A lock's state
(locked, holder, depth) is kept beside the shared part's bytes like a number, so a call
on a lock those frames hold (`with lock:`, acquire, release) is plain too: remembered by
(thread, frames, the lock's state), it changes only that state; so is a read of an item of
a list of locks or numbers (`forks[i]`), remembered by the list's items. 3 threads x 3
increments under one lock: 292 interpreter runs for 1,251 steps; 4 dining philosophers: 402
for 16,974, most of them MainThread's.

A queue's, a semaphore's and an event's state is kept beside the bytes too (`lifted`), and a
call on one is worked out on that state rather than remembered by it (`lifted.call_lifted`):
the new state is written as a lock's is, and the thread's frames after the call are
remembered by (thread, frames, what it got: an item's key, or that it waits). 2 producers x
2 consumers: 530 interpreter runs for 11,826 steps.
"""

from __future__ import annotations

import io
import pickle
import struct
from collections.abc import Callable, Mapping
from functools import cache
from operator import attrgetter, is_
from types import FunctionType
from typing import Any, Generic, NamedTuple, NewType, TypeVar

from .builtin import Builtin
from .code import Code
from .errors import BudgetError
from .iterators import DequeIter, SeqIter
from .lifted import (
    LIFTED,
    LOCK_NAMES,
    QUEUES,
    call_lifted,
    movable,
    value_key,
    waited_in,
)
from .machine import Machine, Thread
from .plain import Next, Plain, PlainKey, Rules, Written, ended_in
from .primitives import Primitive, Wait
from .reduction import reads_rest, thread_called
from .snapshot import (
    REBUILT_KINDS,
    Pickler,
    contents,
    rebuild,
    rebuilt,
    register_reader,
    restore,
    snapshot,
)
from .threadstate import ALIVE, CRASHED, FINISHED, NEW, NO_BREAK
from .values import ExceptionClass, ThreadHandle

#: The numbers a state is made of, and the numbers they are made of, told apart: a shared part
#: (a rest and values), the rest's bytes, the values of the shared variables holding numbers,
#: a thread's frames, and an object's position in a shared part's table.
SharedId = NewType("SharedId", int)
RestId = NewType("RestId", int)
ValuesId = NewType("ValuesId", int)
FramesId = NewType("FramesId", int)
Position = NewType("Position", int)
#: A state's parts: its shared part, then each thread's frames (MainThread's first).
StateParts = tuple[SharedId, FramesId, *tuple[FramesId, ...]]

#: The facts of a thread that cannot move, and of one not seen yet; a variable not bound.
STUCK, UNKNOWN, _ABSENT = object(), object(), object()

#: Frame-part numbers with a meaning: no frames (not started, or ended), and "in the shared
#: part" (a state kept whole).
EMPTY, WHOLE = FramesId(0), FramesId(1)

#: Types whose objects are values or constants (the program's code, and the functions and
#: classes the writers name: `_NAMED`): copied, or named, not shared by position.
#: (An exception is an object: one of a program's classes has attributes it may change.)
_VALUES = frozenset({str, bytes, tuple, int, float, complex, frozenset, range, bool,
                     type(None), Code, Builtin, ExceptionClass, FunctionType, type})
#: Types of the table's objects that take no position in it: values, and what a thread waits
#: in (`Wait`), which only its header holds, never frames; so a thread that starts or stops
#: waiting moves no object of the table.
_UNPLACED = _VALUES | {Wait}
#: What a global kept with MainThread's frames may hold (`Parts._moving`): a value, or a thread
#: (its header holds it too, so it keeps its position in the shared part's table).
_MOVABLE = frozenset({int, float, complex, str, bytes, bool, type(None), ThreadHandle})
_HEADER = ("tid", "name", "target", "args", "kwargs", "daemon", "state", "wait", "handle",
           "until")
assert set(_HEADER) == set(Thread.__slots__) - {"frames", "brk"}  # `_new_header` reads these
_header_fields = attrgetter(*_HEADER)

#: A state: part numbers of BITS bits each, the shared part's lowest (see `Parts`).
State = int

BITS = 32
FIELD = (1 << BITS) - 1
Facts = TypeVar("Facts")


#: A thread's state is written as its number here and read back as the very constant, so a
#: thread started in a machine read from parts is written like one started in a fresh run.
_STATES = (NEW, ALIVE, FINISHED, CRASHED)
_STATE = _HEADER.index("state")


def _header(th: Thread) -> tuple[Any, ...]:
    fields = list(_header_fields(th))
    fields[_STATE] = _STATES.index(th.state)
    return (rebuild, ("header", tuple(fields)))


def _new_header(values: tuple[Any, ...]) -> Thread:
    th = Thread.__new__(Thread)
    (th.tid, th.name, th.target, th.args, th.kwargs, th.daemon, state, th.wait,
     th.handle, th.until) = values
    th.state = _STATES[state]
    th.frames = []
    th.brk = NO_BREAK
    return th


register_reader("header", _new_header)


class _SharedPickler(Pickler):
    """Writes threads as their headers (their frames are parts of their own), and locks,
    queues, semaphores and events without their state (kept beside the bytes: `lifted`),
    which it clears while it writes and `lifted` keeps. What a thread waits in such an
    object is part of the object's state, so one some thread waits in is lifted before any
    header is written; `kept` are the objects not to lift."""

    def __init__(self, file: io.BytesIO, m: Machine, kept: frozenset[int]) -> None:
        super().__init__(file, pickle.HIGHEST_PROTOCOL)
        self.m = m
        self.kept = kept
        #: The objects lifted, each with its state's key and value, by id.
        self.lifted: dict[int, tuple[Any, Any, Any]] = {}
        for obj in waited_in(m):
            self._lift(obj)

    def _lift(self, obj: Any) -> None:
        if id(obj) in self.lifted or id(obj) in self.kept:
            return
        lifted = LIFTED[type(obj)]
        state = lifted.state(self.m, obj)
        if state is not None:
            self.lifted[id(obj)] = (obj, *state)
            lifted.clear(self.m, obj)

    def restore(self) -> None:
        """Give the objects lifted their state back."""
        for obj, _, value in self.lifted.values():
            LIFTED[type(obj)].restore(self.m, obj, value)

    def reducer_override(self, obj: Any) -> Any:
        kind = type(obj)
        if kind is Thread:
            return _header(obj)
        if kind in LIFTED:
            self._lift(obj)
        return super().reducer_override(obj)


class _FramesPickler(Pickler):
    """Writes an object of the shared part as its position in the shared part's table."""

    def __init__(self, file: io.BytesIO, positions: dict[int, int]) -> None:
        super().__init__(file, pickle.HIGHEST_PROTOCOL)
        self.positions = positions
        #: The positions of the objects of the shared part the frames hold.
        self.refs: set[int] = set()

    def persistent_id(self, obj: Any) -> int | None:
        position = self.positions.get(id(obj))
        if position is not None and position >= 0:
            self.refs.add(position)
        return position


class _FramesUnpickler(pickle.Unpickler):
    """Reads a position back as the object at it in `named` (the table, then `_NAMED`'s tail).
    A subclass's method, since Python 3.13 no longer lets an Unpickler's hook be set."""

    def __init__(self, file: io.BytesIO, named: list[Any]) -> None:
        super().__init__(file)
        self.named = named

    def persistent_load(self, pid: Any) -> Any:
        return self.named[pid]


def _all_kinds(kind: type) -> list[type]:
    subclasses: list[type] = kind.__subclasses__()
    return [kind] + [k for sub in subclasses for k in _all_kinds(sub)]


Item = TypeVar("Item")


#: The functions and classes the writers name (the function that rebuilds our objects, the
#: primitives' classes): frames refer to them by negative positions, the same in every
#: table, rather than by name (a name costs an import to read back).
_NAMED = (rebuild, *sorted(_all_kinds(Primitive), key=lambda kind: kind.__qualname__))
_NAMED_POSITIONS = {id(obj): -1 - i for i, obj in enumerate(_NAMED)}
_NAMED_TAIL = list(reversed(_NAMED))  # table + _NAMED_TAIL: position -1 - i is _NAMED[i]


class Interned(Generic[Item]):
    """Equal items get one number."""

    def __init__(self) -> None:
        self.items: list[Item] = []
        self.numbers: dict[Item, int] = {}

    def number(self, data: Item) -> tuple[int, bool]:
        """The number of `data`, and whether it is new."""
        n = self.numbers.get(data)
        if n is not None:
            return n, False
        n = self.numbers[data] = len(self.items)
        self.items.append(data)
        return n, True


#: The kind of a rebuilt object is that of the object it stands for.
_KINDS: dict[type, type] = {kind: kind.__mro__[1] for kind in REBUILT_KINDS}


class Rest(NamedTuple):
    """What is known of one rest of a shared part (its bytes: everything shared but the
    numbers held by shared variables and the locks' states), worked out once."""

    #: Whether the process has ended there, and its number of threads.
    over: bool
    threads: int
    #: The kinds of the objects of its table, by position.
    kinds: tuple[type, ...]
    #: The positions of the globals that hold an object of the table.
    named: dict[str, Position]
    #: The slot of each lifted object's state (after the shared variables'), by the object's
    #: position (`lifted`).
    lifted: dict[Position, int]
    #: The position of each queue's mutex, by the queue's: a call on the queue reads its state.
    mutexes: dict[Position, Position]
    #: The items of the lists plain steps read (`lists`) that hold objects of the table and
    #: numbers only, by the list's position (`_items`).
    items: dict[Position, tuple[Any, ...]]
    #: The threads whose next step wakes them from a sleep, moving the clock
    #: (stdlib/time.py): never a plain step.
    waking: frozenset[int]
    #: Whether it holds objects that only threads' frames hold (`Parts._split`): a thread
    #: that ends may leave one held by a single thread, which then holds it apart.
    both: bool


class Lane(NamedTuple):
    """What is remembered of one thread's steps, each by the bits of a state it depends on."""

    #: (facts, step) once both are known (one lookup in `expand`), or STUCK.
    ready: dict[int, Any]
    #: The facts (STUCK where the thread cannot move).
    known: dict[int, object]
    #: The step: what to add to the state (None where a step is not remembered).
    moves: dict[int, int | None]
    #: The bits of a state the thread's steps and facts depend on: the shared part's, and the
    #: thread's own frames'.
    mask: int


class FramesFacts(NamedTuple):
    """What is known of one frame part, worked out when it is first seen."""

    #: The positions of the objects of the shared part it holds.
    holds: frozenset[int]
    #: Its next step, if it may be plain (`plain.Next`).
    next: Next | None
    #: Whether its next step is a call on a thread (`t.start()`, `t.join()`).
    calls_thread: bool
    #: Whether its next step reads and writes the rest of the shared part only, never the
    #: values beside it (`reads_rest`): it is remembered by the rest.
    rest_step: bool


class Parts(Generic[Facts]):
    """States of one program as parts, with the steps and per-thread facts seen so far.

    A state is one integer: its shared part's number in the lowest `BITS` bits, then each
    thread's frames' in the next `BITS` each. A step of thread t, remembered by the bits of
    (shared part, t's frames), is then a number to add, whatever the other threads' frames.
    A shared part is a pair: the bytes of everything shared but the numbers held by shared
    variables, and those numbers (`_write_shared`).

    `facts(machine, thread, table)` is what the explorer wants to know of a thread that can
    move in a state (what it is about to touch); it may read only the shared state and that
    thread's own frames, so it too is remembered by (thread, shared part, frames); of a thread
    about to take a plain step, only its frames. `table` holds the objects of the shared part
    by position (`join`'s), which the facts of two threads in one state agree on; for a state
    kept whole, every object of the machine, in the order its snapshot writes them."""

    def __init__(self, like: Machine, facts: Callable[[Machine, Thread, list[Any]], Facts]
                 ) -> None:
        self.like = like
        self.facts = facts
        #: Shared parts as (rest, values): the bytes of the rest, and per shared variable the
        #: key of its number (None where the rest holds it), with the values themselves.
        self.shared: Interned[tuple[RestId, ValuesId]] = Interned()
        self.rests: Interned[bytes] = Interned()
        self.values: Interned[tuple[tuple[Any, ...] | None, ...]] = Interned()
        self.actual: list[tuple[Any, ...]] = []
        self.slots = tuple(sorted(like.program.shared))
        self.slot = {name: i for i, name in enumerate(self.slots)}
        self.frames: Interned[bytes] = Interned()
        for reserved in (b"empty", b"whole"):  # numbered EMPTY and WHOLE
            self.frames.number(reserved)
        #: Per rest, what is known of it (`Rest`); per shared part, whether the process has
        #: ended there and its number of threads (its rest's, in lists `expand` reads fast).
        self.rest_facts: list[Rest] = []
        self.over: list[bool] = []
        self.threads: list[int] = []
        #: Per thread, what is remembered of its steps (`Lane`); per number of threads, the
        #: lanes of those threads, for `expand`.
        self.lane: list[Lane] = []
        self.lanes: dict[int, list[Lane]] = {}
        #: Per frame part, what is known of it (`FramesFacts`; EMPTY and WHOLE hold nothing).
        self.frame_facts: list[FramesFacts] = [FramesFacts(frozenset(), None, False, False)] * 2
        #: The positions of the lists plain steps read items of, in the tables seen since.
        self.lists: set[int] = set()
        self.rules = Rules()
        #: Plain steps by `PlainKey`; None: not plain.
        self.plain: dict[PlainKey, Plain | None] = {}
        #: Facts of threads about to take a plain step, by `_facts_key`.
        self.plain_facts: dict[tuple[Any, ...], Facts | object] = {}
        #: The rest of a shared part after a thread's end.
        self.ended: dict[tuple[RestId, int], RestId] = {}
        #: Steps that read only the rest of the shared part (`_rest_move`), by (thread, frames,
        #: rest); None: not such a step.
        self.rest_steps: dict[tuple[int, int, RestId],
                              tuple[RestId, tuple[tuple[int, int], ...]] | None] = {}
        #: Calls worked out on a lifted state (`_worked_out`), by the object's kind and
        #: state, the thread, and the call (its name, its keywords, the keys of its arguments).
        self.worked_out: dict[tuple[Any, ...], tuple[Any, Written] | None] = {}
        #: A shared part with threads' contents moved (`permuted`), by (part, where to).
        self.moved_shared: dict[tuple[int, tuple[int, ...]], SharedId] = {}

    # -- states and machines -----------------------------------------------------------------

    def split(self, m: Machine) -> State:
        """The state of `m`."""
        return _pack(self._split(m, ())[0])

    def parts(self, state: State) -> StateParts:
        """(shared part, frames of thread 0, frames of thread 1, ...)."""
        parts = 1 + self.threads[state & FIELD]
        unpacked: StateParts = _layout(parts).unpack(state.to_bytes(4 * parts, "little"))
        return unpacked

    def expand(self, state: State, lazily: bool = False
               ) -> list[tuple[int, Facts, State | Blown | None]]:
        """Every thread that can move in `state`, with its facts and the state its step
        leads to (or the budget it blew: `Blown`). With `lazily`, a step not remembered yet
        is None, for `step` to take if it is wanted."""
        g = state & FIELD
        if self.over[g]:
            return []
        count = self.threads[g]
        lanes = self.lanes.get(count)
        if lanes is None:
            lanes = self.lanes[count] = self.lane[:count]
        found: list[tuple[int, Any, State | Blown | None]] = []
        for tid, (ready, known, moves, mask) in enumerate(lanes):
            key = state & mask
            both = ready.get(key)
            if both is not None:
                if both is not STUCK:
                    found.append((tid, both[0], state + both[1]))
                continue
            facts = known.get(key, UNKNOWN)
            if facts is UNKNOWN:
                facts = self._facts(state, tid, key)
            if facts is STUCK:
                ready[key] = STUCK
                continue
            move = moves.get(key)
            if move is not None:
                ready[key] = (facts, move)
                found.append((tid, facts, state + move))
                continue
            found.append((tid, facts, None if lazily else self.step(state, tid)))
        return found

    def step(self, state: State, tid: int) -> State | Blown:
        """The state after `tid` steps from `state` (which `expand` did not know), or the
        budget it blew."""
        try:
            return self._run(state, tid)
        except Blown as e:
            return e

    def _run(self, state: State, tid: int) -> State:
        """The state after `tid` steps from `state`, a step not remembered by its parts: a
        plain step remembered, or one the interpreter runs (a budget blown is raised as
        `Blown`, with the machine where it happened)."""
        before = self.parts(state)
        plain = self._plain_key(before, tid)
        if plain is not None:
            moved = self._plain_moved(state, before, tid, plain)
            if moved is not None:
                return moved
        by_rest = self._rest_key(before, tid)
        rest_move = None if by_rest is None else self.rest_steps.get(by_rest)
        if rest_move is not None:
            return self._rest_moved(before, rest_move)
        m, table = self.join(state)
        learning = plain is not None and plain not in self.plain
        written, blind = None, None
        th = m.threads[tid]
        depth = len(th.frames)
        if learning:
            op, where, blind, _ = self._next(before[tid + 1])
            if op == "WRITE":
                value = th.frames[-1].stack[-1]
                key = value_key(value)
                written = None if key is None else Written(where, key, value)
        try:
            event = m.step(tid)
        except BudgetError as e:
            raise Blown(m, e) from e
        ended = th.state == FINISHED
        if learning and op == "STATE":
            written = self._worked_out(before, tid)[1]  # type: ignore[index]  # a plain key
        elif learning and op == "LOCK":
            obj = table[where]
            lifted = LIFTED[type(obj)].state(m, obj)
            if lifted is None:
                learning = False  # it is kept in the bytes now: not a plain step
                self.plain[plain] = None  # type: ignore[index]  # learning: plain is not None
            else:
                written = Written(where, *lifted)
        if learning and blind is not None and not ended_in(
                blind[0], event, ended, depth, th.frames):
            learning = False  # it did not end where its local instructions were read to end
            self.plain[plain] = None  # type: ignore[index]  # learning: plain is not None
        frames = before[1:]
        keep: tuple[int, ...] = ()
        if frames[0] != WHOLE:
            # Only the stepping thread's frames, and those of a thread it started, changed.
            keep = tuple(frames[j] if j != tid and j < len(frames) and (
                frames[j] != EMPTY or not th.frames) else -1 for j, th in enumerate(m.threads))
        after, new_table = self._split(m, keep, table)
        new = _pack(after)
        self.learn(m, new_table, new)
        self._remember(state, before, tid, table, after, new_table)
        if by_rest is not None and by_rest not in self.rest_steps:
            self.rest_steps[by_rest] = self._rest_move(before, after, tid)
        if learning and plain is not None:
            self.plain[plain] = self._plain_move(state, before, tid, written, ended)
        return new

    def _split(self, m: Machine, keep: tuple[int, ...], table: list[Any] | None = None,
               both: tuple[Any, ...] = ()) -> tuple[tuple[int, ...], list[Any]]:
        """The parts of `m` and its table, taking from `keep` the frame parts (those not -1)
        known not to have changed since `table`, if the new table keeps its order. Objects
        that two threads' frames hold and the shared part does not (a list handed over
        through a queue and kept by both) are made part of the shared part (`both`), so that
        both frames name them by position; only if that fails is the state kept whole."""
        moving = self._moving(m)
        rest, values, new_table, lifted = _write_shared(m, self.slots, moving, both)
        if keep and not _keeps_order(table or [], new_table):
            # Frames keep their bytes if every object of the shared part they hold is still at
            # its position: only those positions are written in them.
            old = table or []
            keep = tuple(part if part == -1 or all(
                p < len(new_table) and new_table[p] is old[p] for p in self.frame_facts[part].holds)
                else -1 for part in keep)
        index = {id(obj): Position(i) for i, obj in enumerate(new_table)}
        positions = index | _NAMED_POSITIONS
        written: list[int | tuple[Thread, bytes, _FramesPickler]] = []
        held: dict[int, Any] = {}  # the objects the frames written so far hold, by id
        shared: set[int] = set()  # those two of them hold
        for i, th in enumerate(m.threads):
            if keep and keep[i] != -1:
                written.append(keep[i])
                continue
            if not th.frames:
                written.append(EMPTY)
                continue
            part = io.BytesIO()
            writer = _FramesPickler(part, positions)
            writer.dump(th.frames if i else (th.frames, [(n, m.globals[n]) for n in moving]))
            own = {id(obj): obj for _, obj in writer.memo.copy().values()
                   if type(obj) not in _VALUES}
            shared.update(held.keys() & own.keys())
            held.update(own)
            written.append((th, part.getvalue(), writer))
        if shared:
            if both:  # the objects shared hold others the frames hold apart: not expected
                return self._whole(m), []
            return self._split(m, (), None, tuple(obj for key, obj in held.items()
                                                  if key in shared))
        frames: list[int] = []
        for entry in written:
            if isinstance(entry, int):
                frames.append(entry)
                continue
            th, data, writer = entry
            number, new = self.frames.number(data)
            if new:
                plain = self.rules.next_step(m, th, bool(writer.refs), positions)
                if plain is not None and plain.op == "ITEM":
                    self.lists.add(plain.where)
                self.frame_facts.append(FramesFacts(
                    frozenset(writer.refs), plain, plain is None and thread_called(th) is not None,
                    plain is None and reads_rest(th)))
            frames.append(number)
        return (self._shared(self._rest(m, rest, new_table, index, lifted, bool(both)),
                             self._values(*values)), *frames), new_table

    def permuted(self, state: State, dest: tuple[int, ...],
                 waiting: Mapping[type, tuple[str, ...]]) -> State | None:
        """`state` with the contents of each thread i (frames, state, what it waits in, and
        the locks it holds) moved to thread `dest[i]`, and its id in the lists of threads
        waiting (the attributes `waiting` names per kind of object) made `dest[i]`; names,
        ids and handles stay where they were. For threads that sleep in nothing, in a state
        not kept whole, whose shared part records a thread's id only in its locks and those
        lists (see `symmetry`, which asks for it). None if the shared part's table would not
        keep its order (the frames' positions would stand for other objects)."""
        parts = self.parts(state)
        frames = parts[1:]
        moved = [0] * len(frames)
        for i, j in enumerate(dest):
            moved[j] = frames[i]
        key = (parts[0], dest)
        shared = self.moved_shared.get(key)
        if shared is None:
            m, table = self.join(state)
            threads = m.threads
            contents = [(th.state, th.frames, th.wait) for th in threads]
            for i, j in enumerate(dest):
                threads[j].state, threads[j].frames, threads[j].wait = contents[i]
            renamed: set[int] = set()  # a queue's getters are its not_empty's waiters
            for obj in table:
                if type(obj) in LOCK_NAMES and obj.holder is not None:
                    obj.holder = dest[obj.holder]
                for name in waiting.get(type(obj), ()):
                    tids = getattr(obj, name)
                    if id(tids) not in renamed:
                        renamed.add(id(tids))
                        tids[:] = [dest[t] for t in tids]
            after, new_table = self._split(m, ())
            if len(new_table) != len(table) or not _keeps_order(table, new_table):
                return None
            shared = self.moved_shared[key] = SharedId(after[0])
        return _pack((shared, *moved))

    def _moving(self, m: Machine) -> tuple[str, ...]:
        """The globals kept with MainThread's frames while it runs: those no function names
        (only MainThread's own code can read or write them, as `for t in threads:` writes
        `t`), holding a scalar or a thread (an object of the shared part's table). So the
        other threads' steps are remembered whatever MainThread's loops are at."""
        if not m.threads[0].frames:
            return ()
        named = m.program.named_in_functions
        return tuple(name for name, value in m.globals.items()
                     if type(value) in _MOVABLE and name not in named and name.isidentifier())

    def _whole(self, m: Machine) -> tuple[int, ...]:
        none = self._values((None,) * len(self.slots), (None,) * len(self.slots))
        return (self._shared(self._rest(m, snapshot(m), [], {}, ()), none),
                *[WHOLE] * len(m.threads))

    def _rest(self, m: Machine, data: bytes, table: list[Any], index: dict[int, Position],
              lifted: tuple[Position, ...], both: bool = False) -> RestId:
        """The number of the rest `data` of `m`, whose `table` has each object's position
        by id in `index`, the positions of the objects `lifted` out of it, and whether it
        holds objects only threads' frames hold (`_split`'s `both`)."""
        number, new = self.rests.number(data)
        if new:
            kinds = tuple([_KINDS.get(kind, kind) for kind in map(type, table)])
            self.rest_facts.append(Rest(
                over=m.over(), threads=len(m.threads), kinds=kinds,
                named={name: index[id(value)] for name, value in m.globals.items()
                       if id(value) in index},
                lifted={p: len(self.slots) + k for k, p in enumerate(lifted)},
                mutexes={Position(p): index[id(obj.mutex)] for p, obj in enumerate(table)
                         if type(obj) in QUEUES},
                items=_items(table, index, kinds, self.lists),
                waking=frozenset(th.tid for th in m.threads if th.until is not None),
                both=both))
        return RestId(number)

    def _values(self, keys: tuple[tuple[Any, ...] | None, ...], values: tuple[Any, ...]
                ) -> ValuesId:
        number, new = self.values.number(keys)
        if new:
            self.actual.append(values)
        return ValuesId(number)

    def _shared(self, rest: RestId, values: ValuesId) -> SharedId:
        number, new = self.shared.number((rest, values))
        if new:
            known = self.rest_facts[rest]
            count = known.threads
            self.over.append(known.over)
            self.threads.append(count)
            while len(self.lane) < count:
                self.lane.append(Lane({}, {}, {}, FIELD | FIELD << (BITS * (len(self.lane) + 1))))
        return SharedId(number)

    def join(self, state: State) -> tuple[Machine, list[Any]]:
        """A machine in `state`, and the table its frames were read with."""
        parts = self.parts(state)
        rest, values = self.shared.items[parts[0]]
        data = self.rests.items[rest]
        if parts[1] == WHOLE:
            return restore(self.like, data), []
        m, table = self._machine(rest, values)
        named = table + _NAMED_TAIL
        for th, part in zip(m.threads, parts[1:], strict=True):
            if part == EMPTY:
                continue
            frames = _FramesUnpickler(io.BytesIO(self.frames.items[part]), named)
            if th.tid:
                th.frames = frames.load()
            else:
                th.frames, moved = frames.load()
                m.globals.update(moved)
        return m, table

    def _machine(self, rest: RestId, values: ValuesId) -> tuple[Machine, list[Any]]:
        """A machine of shared part (`rest`, `values`), with no thread's frames, and the
        table of the rest's objects."""
        reader = pickle.Unpickler(io.BytesIO(self.rests.items[rest]))
        m = rebuilt(self.like, reader.load()[0])
        table = reader.load()
        keys, held = self.values.items[values], self.actual[values]
        for name, key, value in zip(self.slots, keys, held, strict=False):
            if key is not None:
                m.globals[name] = value
        for position, slot in self.rest_facts[rest].lifted.items():
            obj = table[position]
            LIFTED[type(obj)].restore(m, obj, held[slot])
        return m, table

    # -- what is remembered --------------------------------------------------------------------

    def _facts(self, state: State, tid: int, key: int) -> Facts | object:
        """The facts of `tid` in `state`, not yet remembered by `key`: those of its plain
        step, or learnt from a machine in `state`."""
        frames = (state >> (BITS * (tid + 1))) & FIELD
        if frames == EMPTY:  # not started yet, or ended
            self.lane[tid].known[key] = STUCK
            return STUCK
        facts = self.plain_facts.get((tid, frames), UNKNOWN)  # most are, without more
        if facts is UNKNOWN:
            plain = self._facts_key(state & FIELD, tid, frames)
            facts = UNKNOWN if plain is None else self.plain_facts.get(plain, UNKNOWN)
        if facts is UNKNOWN:
            self.learn(*self.join(state), state)
            return self.lane[tid].known[key]
        self.lane[tid].known[key] = facts
        return facts

    def learn(self, m: Machine, table: list[Any], state: State) -> None:
        """Remember the facts of every thread of `m`, which is in `state` and whose shared
        part has `table` (`join`'s)."""
        parts = self.parts(state)
        if parts[1] == WHOLE:
            table = _whole_table(m)
        for th, part in zip(m.threads, parts[1:], strict=True):
            known, key = self.lane[th.tid].known, state & self.lane[th.tid].mask
            if key not in known:
                facts: Facts | object = self.facts(m, th, table) if m.can_run(th) else STUCK
                known[key] = facts
                plain = self._facts_key(state & FIELD, th.tid, part)
                if plain is not None:
                    self.plain_facts[plain] = facts

    def _facts_key(self, g: int, tid: int, frames: int) -> tuple[Any, ...] | None:
        """What the facts of a thread about to take a plain step are remembered by: its
        frames, and for a call on a lock, the lock's state (whether it can move). Those of a
        thread about to read an item of a list (named after the global that holds it), or to
        start or join another thread (whose state says whether it can), by its frames and
        the rest of the shared part: not by values. None for the others, or if the object is
        no lock here."""
        known = self.frame_facts[frames]
        plain = known.next
        if known.calls_thread or known.rest_step or plain is not None and plain.op == "ITEM":
            return tid, frames, self.shared.items[g][0]
        if plain is None:
            return None
        if plain.op != "LOCK" and plain.op != "STATE":
            return tid, frames
        slot = self._slot(g, plain.where)
        if slot is None or self.values.items[self.shared.items[g][1]][slot] is None:
            return None
        value = self.actual[self.shared.items[g][1]][slot]
        if plain.op == "LOCK":
            return tid, frames, value
        return tid, frames, not self._mutex_held(g, plain.where) and movable(value, tid)

    def _remember(self, state: State, before: tuple[int, ...], tid: int, table: list[Any],
                  after: tuple[int, ...], new_table: list[Any]) -> None:
        """Remember the step of `tid` from `state` (whose parts are `before`) to `after` where
        it does not depend on the other threads' frames (see the module's docstring): frames
        it fills were empty, so they are empty wherever the shared part is the same. The
        tables are those `join` and `split` gave for the two states."""
        moves, key = self.lane[tid].moves, state & self.lane[tid].mask
        if key in moves:
            return
        frames = before[1:]
        for other, part in enumerate(after[1:]):
            old = frames[other] if other < len(frames) else EMPTY
            if other != tid and part != old and old != EMPTY:
                moves[key] = None
                return
        kept = [p for i, p in enumerate(frames) if i != tid and p > WHOLE]
        if kept and not _keeps_order(table, new_table):
            moves[key] = None
            return
        moves[key] = _pack(after) - state

    # -- steps remembered by the rest --------------------------------------------------------

    def _rest_key(self, before: tuple[int, ...], tid: int) -> tuple[int, int, RestId] | None:
        """What the step of `tid` from the state whose parts are `before` is remembered by if
        it reads only the rest of the shared part (`FramesFacts.rest_step`): the thread, its
        frames and the rest."""
        frames = before[tid + 1]
        if frames <= WHOLE or not self.frame_facts[frames].rest_step:
            return None
        return tid, frames, self.shared.items[before[0]][0]

    def _rest_move(self, before: tuple[int, ...], after: tuple[int, ...], tid: int
                   ) -> tuple[RestId, tuple[tuple[int, int], ...]] | None:
        """The step of `tid` just run from parts `before` to `after`, as a step remembered by
        the rest: the rest after it, and the frames it changed (its own, a thread's it
        started); None if it changed the values beside the rest, or another thread's frames."""
        values = self.shared.items[before[0]][1]
        new_rest, new_values = self.shared.items[after[0]]
        if values != new_values or len(after) != len(before):
            return None
        changed = tuple((i, part) for i, part in enumerate(after[1:]) if part != before[i + 1])
        if any(i != tid and before[i + 1] != EMPTY for i, _ in changed):
            return None
        return new_rest, changed

    def _rest_moved(self, before: tuple[int, ...],
                    move: tuple[RestId, tuple[tuple[int, int], ...]]) -> State:
        """The state after a step remembered by the rest (`_rest_move`), from parts `before`."""
        new_rest, changed = move
        parts = list(before)
        parts[0] = self._shared(new_rest, self.shared.items[before[0]][1])
        for i, part in changed:
            parts[i + 1] = part
        return _pack(tuple(parts))

    # -- plain steps ---------------------------------------------------------------------------

    def _next(self, frames: int) -> Next:
        """The next step of `frames`, which a plain key was made for: it may be plain."""
        plain = self.frame_facts[frames].next
        if plain is None:
            raise KeyError(frames)
        return plain

    def _plain_key(self, before: tuple[int, ...], tid: int) -> PlainKey | None:
        """What the step of `tid` from the state whose parts are `before` is remembered by,
        if it may be plain. For frames that hold objects of the shared part, what their
        positions stand for is part of it (`_meaning`): the same position can hold another
        object in another table."""
        frames = before[tid + 1]
        if not tid or frames <= WHOLE:
            return None
        plain = self.frame_facts[frames].next
        if plain is None:
            return None
        op, where, blind, _ = plain
        g = before[0]
        rest = self.rest_facts[self.shared.items[g][0]]
        if tid in rest.waking:
            return None
        meaning: tuple[Any, ...] = ()
        if blind is not None:
            meaning = self._meaning(self.shared.items[g][0], frames, blind[1])
            if SeqIter in meaning or DequeIter in meaning:
                return None  # an iterator the shared part holds: a loop would read it
        if op == "ITEM":
            items = rest.items.get(where)
            return None if items is None else PlainKey(tid, frames, items, meaning)
        if op == "STATE":
            computed = self._worked_out(before, tid)
            return None if computed is None else PlainKey(tid, frames, computed[0], meaning)
        if op != "READ" and op != "LOCK":
            return PlainKey(tid, frames, None, meaning)
        value = self._slot_value(g, where)
        return None if value is None else PlainKey(tid, frames, value, meaning)

    def _meaning(self, rest: RestId, frames: int, names: tuple[str, ...]) -> tuple[Any, ...]:
        """What the positions `frames` hold, and the constants `names` its local
        instructions load, stand for in `rest`'s table: the kinds of the objects held, and
        the positions and kinds of those constants. Where they are the same, a plain step
        lands in the same frames; it never looks at more of those objects than their kinds
        (whether a call on one is a step), and a lock's state, which is the value it reads."""
        kinds, named = self.rest_facts[rest].kinds, self.rest_facts[rest].named
        held: list[Any] = [kinds[p] if p < len(kinds) else None
                           for p in sorted(self.frame_facts[frames].holds)]
        for name in names:
            p = named.get(name)
            held += [p, None if p is None else kinds[p]]
        return tuple(held)

    def _plain_moved(self, state: State, before: tuple[int, ...], tid: int,
                     key: PlainKey) -> State | None:
        """The state after a plain step remembered by `key`, remembered now by its parts."""
        move = self.plain.get(key)
        if move is None:
            return None
        frames, written, ended = move
        if self._next(before[tid + 1]).op == "STATE":  # worked out in this state
            written = self._worked_out(before, tid)[1]  # type: ignore[index]  # a plain key
        g = before[0]
        shared = g if written is None and not ended else self._apply(g, written, tid, ended)
        if shared is None:
            return None
        after = _pack((shared, *before[1:tid + 1], frames, *before[tid + 2:]))
        lane = self.lane[tid]
        lane.moves[state & lane.mask] = after - state
        return after

    def _plain_move(self, state: State, before: tuple[int, ...], tid: int,
                    written: Written | None, ended: bool) -> Plain | None:
        """The step of `tid` from `state`, just run and remembered by its parts, as a plain
        step: if it left the other threads as they were, its own frames holding no object of
        the shared part they did not hold before but the program's constants (or none,
        `ended`), and the shared part as it was but for `written` and the end of the thread
        (so its table, and what the positions in the frames stand for, as they were)."""
        lane = self.lane[tid]
        move = lane.moves.get(state & lane.mask)
        if move is None:
            return None
        after = self.parts(state + move)
        g, frames = after[0], after[tid + 1]
        op, where, blind, _ = self._next(before[tid + 1])
        rest = self.shared.items[before[0]][0]
        named = self.rest_facts[rest].named
        loaded = {named[name] for name in blind[1] if name in named} if blind else set()
        if op == "ITEM":  # what it read: any object of the list
            loaded |= {Position(item[0]) for item in self.rest_facts[rest].items.get(where, ())
                       if type(item[0]) is int}
        if len(after) != len(before) or (frames == EMPTY) != ended or not (
                ended or self.frame_facts[frames].holds
                <= self.frame_facts[before[tid + 1]].holds | loaded) or any(
                a != b for i, (a, b) in enumerate(zip(after, before, strict=True))
                if i not in (0, tid + 1)):
            return None
        writes = op == "WRITE" or op == "LOCK" or op == "STATE"
        if writes and written is None:
            return None
        if not writes:
            written = None
        expected = before[0] if written is None and not ended else self._apply(
            before[0], written, tid, ended)
        return Plain(frames, written, ended) if g == expected else None

    def _slot(self, g: int, where: str | int) -> int | None:
        """The slot, in shared part `g`'s values, of shared variable `where` (a name) or of
        the lock at position `where` of its table; None if it has none."""
        if isinstance(where, str):
            return self.slot.get(where)
        return self.rest_facts[self.shared.items[g][0]].lifted.get(Position(where))

    def _slot_value(self, g: int, where: str | int) -> tuple[Any, ...] | None:
        """The key of the number held by shared variable `where`, or the state of the lock at
        position `where`, in shared part `g` (None if it holds none)."""
        slot = self._slot(g, where)
        return None if slot is None else self.values.items[self.shared.items[g][1]][slot]

    def _mutex_held(self, g: int, where: int) -> bool:
        """Whether the mutex of the queue at position `where` of shared part `g`'s table is
        held (every call on the queue waits for it); False for an object with none."""
        mutex = self.rest_facts[self.shared.items[g][0]].mutexes.get(Position(where))
        if mutex is None:
            return False
        held = self._slot_value(g, mutex)
        return held is None or bool(held[0])

    def _worked_out(self, before: tuple[int, ...], tid: int) -> tuple[Any, Written] | None:
        """The call on a queue, a semaphore or an event that `tid`'s frames are about to
        make from the state whose parts are `before`, worked out on the object's lifted
        state (`lifted.call_lifted`): what the thread gets, and what the call writes. None
        if it cannot be worked out so."""
        g, frames = before[0], before[tid + 1]
        _, where, _, call = self._next(frames)
        state = self._slot_value(g, where)
        if state is None or call is None or self._mutex_held(g, where):
            return None
        rest, values = self.shared.items[g]
        kind = self.rest_facts[rest].kinds[where]
        key = (kind, state, tid, call[0], call[2], call[3])
        if key not in self.worked_out:
            value = self.actual[values][self.rest_facts[rest].lifted[where]]
            found = call_lifted(kind, value, tid, call)
            self.worked_out[key] = None if found is None else (
                found[0], Written(where, *found[1]))
        return self.worked_out[key]

    def _apply(self, g: int, written: Written | None, tid: int, ended: bool
               ) -> SharedId | None:
        """Shared part `g` after a plain step of `tid` that wrote `written` (a shared variable
        or a lifted object's state) and `ended` the thread (None if what the write replaces is not a
        number: the table of objects could move)."""
        rest, values = self.shared.items[g]
        if written is not None:
            where, key, value = written
            slot = self._slot(g, where)
            keys, held = self.values.items[values], self.actual[values]
            if slot is None or keys[slot] is None:
                return None
            values = self._values((*keys[:slot], key, *keys[slot + 1:]),
                                  (*held[:slot], value, *held[slot + 1:]))
        if ended and self.rest_facts[rest].both:
            return None
        if ended:
            after = self.ended.get((rest, tid))
            if after is None:
                m, _ = self._machine(rest, values)
                m.finish(m.threads[tid])
                data, _, table, lifted = _write_shared(m, self.slots)
                index = {id(obj): Position(i) for i, obj in enumerate(table)}
                after = self.ended[rest, tid] = self._rest(m, data, table, index, lifted)
            rest = after
        return self._shared(rest, values)


class Blown(Exception):
    """A step blew a budget: the machine as it was left, and the BudgetError."""

    def __init__(self, machine: Machine, error: BudgetError) -> None:
        super().__init__(str(error))
        self.machine = machine
        self.error = error


def _pack(parts: tuple[int, ...]) -> State:
    return int.from_bytes(_layout(len(parts)).pack(*parts), "little")


@cache
def _layout(parts: int) -> struct.Struct:
    """A state's bytes: `parts` numbers of `BITS` bits, the lowest first."""
    return struct.Struct(f"<{parts}I")


#: A shared part's keys and values (`_write_shared`).
_Values = tuple[tuple[tuple[Any, ...] | None, ...], tuple[Any, ...]]


def _write_shared(m: Machine, slots: tuple[str, ...], moving: tuple[str, ...] = (),
                  both: tuple[Any, ...] = ()
                  ) -> tuple[bytes, _Values, list[Any], tuple[Position, ...]]:
    """The shared part of `m`: the bytes of its headers, globals and the rest, then its table
    of objects, with None in place of the shared variables of `slots` that hold a number
    (their keys say which do: None stands for nothing else), of the globals `moving` to
    MainThread's frames (`Parts._moving`) and of the lifted objects' states (`lifted`);
    those keys (None for the others) and values, then the lifted states' keys and values in
    the table's order; the table; and the positions of the objects lifted. The objects
    `both` (`Parts._split`) are written after the rest."""
    names = m.globals
    moved = [(name, names[name]) for name in moving]
    for name in moving:
        names[name] = None
    keys: list[tuple[Any, ...] | None] = []
    values: list[Any] = []
    for name in slots:
        value = names.get(name, _ABSENT)
        key = value_key(value)
        keys.append(key)
        if key is None:
            values.append(None)
        else:
            values.append(value)
            names[name] = None
    try:
        buffer, pickler, table = _write_rest(m, frozenset(), both)
    finally:
        for name, key, value in zip(slots, keys, values, strict=True):
            if key is not None:
                names[name] = value
        names.update(moved)
    lifted = [(Position(i), *pickler.lifted[id(obj)][1:]) for i, obj in enumerate(table)
              if id(obj) in pickler.lifted] if pickler.lifted else []
    return (buffer.getvalue(), ((*keys, *[key for _, key, _ in lifted]),
                                (*values, *[value for _, _, value in lifted])),
            table, tuple(position for position, _, _ in lifted))


def _write_rest(m: Machine, kept: frozenset[int], both: tuple[Any, ...]
                ) -> tuple[io.BytesIO, _SharedPickler, list[Any]]:
    """The bytes of `m`'s shared part without what is lifted out of it, the pickler that
    wrote them (with what it lifted), and its table of objects. A queue lifted only because
    a thread waits in it, and not reached from what the shared part holds (only that
    thread's frames do), is kept in the bytes: its state would be kept where no position
    names the queue."""
    buffer = io.BytesIO()
    pickler = _SharedPickler(buffer, m, kept)
    try:
        pickler.dump((contents(m), both))
        table = [obj for obj in _written(pickler) if type(obj) not in _UNPLACED]
        pickler.dump(table)  # positions → objects, for `join`
    finally:
        pickler.restore()
    if len(pickler.lifted) > sum(id(obj) in pickler.lifted for obj in table):
        placed = {id(obj) for obj in table}
        return _write_rest(m, kept | {i for i in pickler.lifted if i not in placed}, both)
    return buffer, pickler, table


def _whole_table(m: Machine) -> list[Any]:
    """The objects of a machine kept whole (frames and all), in the order its snapshot writes
    them: where no table orders them, equal states still give them equal positions."""
    pickler = Pickler(io.BytesIO(), pickle.HIGHEST_PROTOCOL)
    pickler.dump(contents(m))
    return [obj for obj in _written(pickler) if type(obj) not in _VALUES]


def _written(pickler: pickle.Pickler) -> list[Any]:
    """The objects `pickler` has written, in the order it wrote them (faster than sorting
    its memo's (position, object) pairs)."""
    memo = pickler.memo.copy()
    written: list[Any] = [None] * len(memo)
    for position, obj in memo.values():
        written[position] = obj
    return written


def _keeps_order(old: list[Any], new: list[Any]) -> bool:
    """Every object of the old table is at its old position in the new one."""
    return len(new) >= len(old) and all(map(is_, old, new))


def _items(table: list[Any], positions: Mapping[int, Position], kinds: tuple[type, ...],
           lists: set[int]) -> dict[Position, tuple[Any, ...]]:
    """Per list of the table at one of the positions `lists` whose items are all objects of
    the table or numbers, by its position: its items, each as (position, kind) or a
    number's key (whose first item is a type). A plain step reading an item of the list
    is remembered by them."""
    found: dict[Position, tuple[Any, ...]] = {}
    for at in lists:
        obj = table[at] if at < len(table) else None
        if type(obj) is not list:
            continue
        items = []
        for item in obj:
            p = positions.get(id(item))
            key = (p, kinds[p]) if p is not None else value_key(item)
            if key is None:
                break
            items.append(key)
        else:
            found[Position(at)] = tuple(items)
    return found
