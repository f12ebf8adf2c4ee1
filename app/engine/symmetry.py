"""Symmetry: worker threads that only MainThread tells apart, walked once per arrangement.

Four threads made alike (`Thread(target=work)` each) and started, while MainThread waits in
`for t in threads: t.join()`: a state where Thread-1 is about to write and Thread-2 about to
read has a twin where the two are the other way round, and the explorer walks only one of
them (3 x 3 unlocked increments: 7,663 states become 1,546; 4 x 3: 361,798 become 20,455).

Moving what two such threads are doing (their frames, whether they have finished, the locks
they hold) from one to the other, and leaving their names, ids and handles where they were,
gives a state no run may reach, but one that ends as the first does, if nothing can tell the
two threads apart but by what they do:

- their code is the same, with the same arguments, and none of it can get at thread
  identity: the program names nothing that reads a thread's name or id, lists threads, or
  prints a thread (`OBSERVERS`), and no other thread can reach their handles (`Plan`);
- MainThread, the one thread that holds those handles, is blocked in a join loop over a list
  that holds every one of them (`for t in threads: t.join()`, nothing else in the loop), or
  in a run of joins of them with nothing between (`t1.join(); t2.join()`):
  until all of them have finished, all it does is wait for each in turn, which no other
  thread sees, and when all have, both states are the same again;
- the shared part records which thread did what only in its locks' holders and in the
  lists of threads waiting in a semaphore, an event or a queue, which move with the threads
  (a thread waiting in one moves with what it waits in, and its id in the list is renamed:
  the list keeps its order); it holds no condition
  (whose RLock shows its owner's id when printed), barrier or executor; and no thread has
  raised an uncaught exception (whose report names it).

A crash, a deadlock or a blown budget would tell threads apart (its report names them): once
the walk meets one, no state is merged, and if some were, the walk starts again keeping every
twin (`explorer`). A crash is seen as soon as a plan is made for a state after it.

A witness walks the chosen twins, so it is rebuilt as a run of the program: each step is
taken by the thread that is doing it there (`concrete`). MainThread's steps in the join loop
are taken as soon as it can take them after the place the walk took them: the threads it
waits for may finish in another order in the run than in the walk.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from .code import Code
from .iterators import SeqIter
from .machine import Machine, Thread
from .parts import WHOLE, Interned, Parts, RestId, State
from .primitives import Event, Lock, Primitive, Semaphore
from .program import Program
from .reduction import lists_threads, within_reach
from .stdlib.queue import LifoQueue, PriorityQueue, Queue, QueueCondition, SimpleQueue
from .threadstate import ALIVE, FINISHED
from .values import ThreadHandle

#: Names through which a program may read a thread's name, id or handle, list threads, or
#: print one (a thread's repr names it), as a variable or an attribute.
OBSERVERS = frozenset({
    "current_thread", "currentThread", "get_ident", "get_native_id", "main_thread",
    "enumerate", "active_count", "activeCount", "local", "name", "ident", "native_id",
    "getName", "setName", "is_alive", "isAlive", "daemon", "isDaemon", "setDaemon",
    "excepthook", "settrace", "setprofile", "Timer", "RLock", "logging", "_target", "_args",
    "_kwargs", "_name", "__dict__", "vars", "getattr", "setattr", "globals", "locals", "id",
    "repr", "str", "format", "print_exc", "format_exc"})
#: The primitives a shared part may hold, with the lists of the threads waiting in them: a
#: lock's holder moves with the threads, and so does a thread waiting in one of these lists,
#: whose id in it is renamed (`Parts.permuted`). (A condition's RLock shows its owner's id when
#: printed.)
_WAITING: dict[type, tuple[str, ...]] = {
    Lock: (), Semaphore: ("waiters",), Event: ("waiters",),
    **{kind: ("getters", "putters", "joiners")
       for kind in (Queue, LifoQueue, PriorityQueue, SimpleQueue)}, QueueCondition: ("waiters",)}


def may_use(program: Program) -> bool:
    """Whether the program's text lets no thread read thread identity (`OBSERVERS`)."""
    names = program.names
    return not (OBSERVERS & (names.attributes | names.variables)) and not lists_threads(program)


class Plan(NamedTuple):
    """Which threads may trade what they are doing, in states with one shared part's rest
    and one frame part of MainThread's."""

    #: Groups of threads alike (ids, ascending), each of two or more.
    groups: tuple[tuple[int, ...], ...]
    #: The positions in the shared part's table of the handles of the threads grouped.
    handles: frozenset[int]
    #: Per thread grouped: 0 while it runs, 1 once finished (its contents' first key).
    finished: dict[int, int]


class Symmetry:
    """The states of one walk, each turned into the one of its twins the walk keeps."""

    def __init__(self, parts: Parts[Any]) -> None:
        self.parts = parts
        self.plans: dict[tuple[RestId, int], Plan | None] = {}
        #: The moves made (`dest`: where each thread's contents went), numbered; 0: none.
        self.moves: Interned[tuple[int, ...]] = Interned()
        self.moves.number(())
        #: States turned into another twin so far (see `_worth_a_plan`).
        self.merged = 0
        #: Whether a thread has raised an uncaught exception, or a run ended in a way that
        #: names threads (a deadlock, a budget blown): no state is merged from then on (the
        #: walk starts again if some were).
        self.told_apart = False

    def canonical(self, state: State) -> tuple[State, int]:
        """The twin of `state` the walk keeps, and the number of the move that made it: in
        each group of threads alike, the running before the finished, each lot in the order
        of their frames' numbers (threads doing the same keep their places)."""
        parts = self.parts
        numbers = parts.parts(state)
        main = numbers[1]
        if main <= WHOLE or self.told_apart:
            return state, 0
        key = (parts.shared.items[numbers[0]][0], main)
        plan = self.plans.get(key, _UNKNOWN)
        if plan is _UNKNOWN:
            if not self._worth_a_plan():
                return state, 0
            m, table = parts.join(state)
            if m.errors:  # a crash's report names its thread
                self.told_apart = True
                return state, 0
            plan = self.plans[key] = _plan(m, table)
        if plan is None:
            return state, 0
        facts, handles = parts.frame_facts, plan.handles
        for part in numbers[2:]:
            if part == WHOLE or (held := facts[part].holds) and not held.isdisjoint(handles):
                return state, 0  # a thread holds a handle of a group: it can tell them apart
        dest: list[int] | None = None
        finished = plan.finished
        for group in plan.groups:
            doing = sorted([(finished[t], numbers[t + 1], t) for t in group])
            for (_, _, src), to in zip(doing, group, strict=True):
                if src != to:
                    if dest is None:
                        dest = list(range(len(numbers) - 1))
                    dest[src] = to
        if dest is None:
            return state, 0
        move = tuple(dest)
        twin = parts.permuted(state, move, _WAITING)
        if twin is None:
            return state, 0
        self.merged += 1
        return twin, self.moves.number(move)[0]

    def _worth_a_plan(self) -> bool:
        """Whether to look for twins in states with a new shared part and MainThread's frames:
        a plan reads a machine in the state, which costs about a quarter of what a state
        merged saves (its steps). A walk whose plans have merged fewer states than a quarter
        of their number (past `_PLANS_FREE`: queues of threads not alike, whose items make a
        new shared part at every step) stops making them. Keeping a twin is never wrong,
        only slower."""
        made = len(self.plans)
        return made < _PLANS_FREE or 4 * self.merged >= made

    def compose(self, first: int, then: int) -> int:
        """The move `first`, then the move `then` (a state's threads may have grown between)."""
        if not first or not then:
            return first or then
        a, b = self.moves.items[first], self.moves.items[then]
        a += tuple(range(len(a), len(b)))
        return self.moves.number(tuple(b[to] for to in a))[0]

    def undo(self, move: int, threads: tuple[int, ...]) -> tuple[int, ...]:
        """`threads` of the twin `move` made, as the threads of the state it was made of."""
        if not move:
            return threads
        source = _sources(self.moves.items[move])
        return tuple(source.get(t, t) for t in threads)


_UNKNOWN: Any = object()
#: Plans a walk makes before it asks whether they pay (`Symmetry._worth_a_plan`).
_PLANS_FREE = 256


def _plan(m: Machine, table: list[Any]) -> Plan | None:
    """Which threads of `m` may trade what they are doing (see the module's docstring), or
    None if none may."""
    if any(isinstance(obj, Primitive) and type(obj) not in _WAITING for obj in table):
        return None
    joined = _joined_later(m)
    if not joined:
        return None
    groups: dict[Any, list[int]] = {}
    for th in m.threads[1:]:
        if th.tid in joined and _movable(th):
            groups.setdefault(_alike(th), []).append(th.tid)
    grouped = tuple(tuple(g) for g in groups.values() if len(g) > 1)
    movers = {t for g in grouped for t in g}
    if not grouped or _reachable(m, movers):
        return None
    positions = {id(obj): i for i, obj in enumerate(table)}
    handles = frozenset(positions.get(id(m.threads[t].handle), -1) for g in grouped for t in g)
    finished = {t: int(m.threads[t].state == FINISHED) for g in grouped for t in g}
    return Plan(grouped, handles, finished)


def _joined_later(m: Machine) -> frozenset[int]:
    """The threads MainThread will join before it does anything else, if it is blocked in a
    loop that only joins each thread of a list or tuple (`for t in threads: t.join()`), or in
    a run of joins and nothing else (`t1.join(); t2.join()`)."""
    main = m.threads[0]
    if not main.frames:
        return frozenset()
    f = main.frames[-1]
    instrs, pc = f.code.instrs, f.pc
    if instrs[pc].op != "CALL_METHOD" or instrs[pc].arg != ("join", 0, ()) or not f.stack:
        return frozenset()
    later = _looped(f) if _loop_head(f.code, pc) is not None else _in_a_row(m, f)
    if not later or not all(type(h) is ThreadHandle and h.cls is None for h in later):
        return frozenset()
    return frozenset(h.tid for h in later)


def _looped(f: Any) -> list[Any]:
    """The threads a join loop at `f`'s instruction joins from this one on."""
    handle, it = f.stack[-1], f.stack[-2] if len(f.stack) > 1 else None
    if type(it) is not SeqIter or type(it.seq) not in (list, tuple):
        return []
    seq: list[Any] | tuple[Any, ...] = it.seq
    if not 0 < it.i <= len(seq) or seq[it.i - 1] is not handle:
        return []
    return list(seq[it.i - 1:])


def _in_a_row(m: Machine, f: Any) -> list[Any]:
    """The threads a run of joins from `f`'s instruction on joins: this one's, then each
    `name.join()` after it, whose name only MainThread's code binds."""
    instrs, at = f.code.instrs, f.pc + 1
    later = [f.stack[-1]]
    while at + 3 < len(instrs) and instrs[at].op == "POP":
        load, call = instrs[at + 1], instrs[at + 2]
        if call.op != "CALL_METHOD" or call.arg != ("join", 0, ()) or (
                load.op not in ("LOAD_LOCAL", "LOAD_GLOBAL")
                or load.arg in m.program.named_in_functions):
            break
        scope = f.locals if load.op == "LOAD_LOCAL" else m.globals
        later.append(scope.get(load.arg))
        at += 3
    return later


def _loop_head(code: Code, pc: int) -> int | None:
    """Where the loop whose body is the join at `pc` starts, if the body is only that join:
    `FOR_ITER`, store `t`, load `t`, the join, drop its result, back to the `FOR_ITER` (or,
    in a function, `FOR_NEXT`: store the next item in `t` and go back to the load)."""
    instrs = code.instrs
    load, store = instrs[pc - 1], instrs[pc - 2]
    if load.op != "LOAD_LOCAL" or store.op != "STORE_LOCAL" or load.arg != store.arg:
        return None
    head = pc - 3
    while head >= 0 and instrs[head].op == "LABEL":
        head -= 1
    if head < 0 or instrs[head].op != "FOR_ITER" or pc + 2 >= len(instrs):
        return None
    back = instrs[pc + 2]
    if instrs[pc + 1].op != "POP":
        return None
    if back.op == "JUMP_BACK" and _target(code, back.arg) == head:
        return head
    # A function's loop: its next item stored straight into `t`, then back to the body.
    if back.op == "FOR_NEXT" and back.arg[0] == load.arg and _target(code, back.arg[1]) == pc - 1:
        return head
    return None


def _target(code: Code, label: Any) -> int:
    """The first instruction at or after `label`'s position that is not a label."""
    at: int = label.pc
    while code.instrs[at].op == "LABEL":
        at += 1
    return at


def _movable(th: Thread) -> bool:
    """Whether what `th` is doing can move to a thread alike: it has been started, is not
    asleep, and its object is a plain `Thread` (what it waits in moves with it)."""
    return (th.state == FINISHED or th.state == ALIVE and bool(th.frames)) and (
        th.until is None and th.handle.cls is None and not th.handle.attrs)


def _alike(th: Thread) -> tuple[Any, ...]:
    """What threads alike share: the same function, the same arguments (the same objects,
    or equal numbers and strings), the same daemon flag."""
    def same(value: Any) -> Any:
        kind = type(value)
        return (kind, value) if kind in (int, str, bool, type(None)) else id(value)
    return (id(th.target), tuple(map(same, th.args)),
            tuple(sorted((k, same(v)) for k, v in th.kwargs.items())), th.daemon)


def _reachable(m: Machine, tids: set[int]) -> bool:
    """Whether a handle of `tids` is within reach of a thread other than MainThread: from a
    global some function names, or from a thread's target or arguments (their frames are
    checked per state: `Symmetry.canonical`)."""
    program = m.program
    roots: list[Any] = [value for name, value in m.globals.items()
                        if name in program.named_in_functions]
    roots += [(th.target, th.args, th.kwargs) for th in m.threads[1:]]
    return within_reach(roots, {id(m.threads[t].handle) for t in tids})


def concrete(m: Machine, edges: list[tuple[tuple[int, ...], int]], moves: list[tuple[int, ...]],
             step: Callable[[Machine, int], None]) -> tuple[list[int], dict[int, int]]:
    """The run from `m` that a walk's path of `edges` (each: its steps' threads, and the
    move that made the state it reached, numbered in `moves`) stands for: its threads, and
    which thread of the run each thread of the path's last state is."""
    which: list[int] = list(range(len(m.threads)))
    owed = 0
    taken: list[int] = []
    for threads, move in edges:
        for tid in threads:
            doer = which[tid] if tid < len(which) else tid
            if doer == 0:
                owed += 1
            else:
                if doer >= len(m.threads) or not m.can_run(m.threads[doer]):
                    raise NoRun(f"{m.threads[min(doer, len(m.threads) - 1)].name} cannot move")
                step(m, doer)
                taken.append(doer)
            while owed and m.can_run(m.threads[0]):
                step(m, 0)
                taken.append(0)
                owed -= 1
        while len(which) < len(m.threads):
            which.append(len(which))
        if move:
            source = _sources(moves[move])
            which = [which[source.get(j, j)] for j in range(len(which))]
    if owed:
        raise NoRun("MainThread's steps in its join loop could not be taken")
    return taken, dict(enumerate(which))


def _sources(dest: tuple[int, ...]) -> dict[int, int]:
    """Where each thread's contents came from, for a move that sent thread i's to `dest[i]`."""
    return {to: src for src, to in enumerate(dest)}


class NoRun(Exception):
    """No run stands for a walk's path: twins that were not alike after all (a condition
    this module does not check). The explorer then walks again keeping every twin."""
