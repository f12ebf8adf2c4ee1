"""The explorer: every interleaving, every outcome, each with a witness schedule.

It walks the state graph breadth-first. A state reached twice (by schedules that differ only in
the order of steps that did not affect each other) is expanded once, so the walk visits states,
not schedules; a step already taken from the same shared state by the same thread in the same
state is looked up, not run again (`parts`); a step that cannot change an outcome is walked
alone, not interleaved with the others (`reduction`); and of states that differ only in which
of some threads alike is doing what, one is kept (`symmetry`): 3 threads × 3 increments have
4.2 × 10^12 schedules, 35,666 states, of which the walk keeps 1,546. Schedule counts are exact
path counts through the unreduced graph, per outcome, in big integers, made when it fits the
budgets (`_counts`).

A witness is the first schedule the walk finds to its outcome. A state graph with a cycle
means the program can run forever (a busy-wait that keeps spinning): that is a `livelock`
outcome with a witness that reaches the cycle, and schedule counts through it are unbounded;
it says whether a fair scheduler could keep it going (`fairness`).

Data races are found where two threads are both about to access the same shared variable (or
the same item of a shared container, or the same attribute of a shared object: `accesses`), at
least one of them writing: nothing (no lock, join, event…) orders the two accesses, since either
could go first. That is what lets a racy counter be reported even when, in a given schedule,
the result happens to be right.
"""

from __future__ import annotations

import pickle
import time
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache, partial
from itertools import islice
from typing import Any

from .accesses import Access, accesses, conflict
from .errors import BudgetError
from .fairness import loops
from .goal import Goal
from .machine import Machine, Thread, program_line
from .parts import BITS, FIELD, Blown, Interned, Parts, State
from .policies import Explicit
from .probes import Probed, probe
from .program import Program
from .racing import Side
from .reduction import LOCAL, OTHER, PRIVATE, kind_of, private, unseen
from .runner import run
from .schedule import decode, encode
from .symmetry import NoRun, Symmetry, concrete, may_use
from .trace import DEADLOCK, DONE, LIMIT, Outcome, outcome_of

LIVELOCK = "livelock"
DEFAULT_MAX_STATES = 200_000
DEFAULT_MAX_SECONDS = 10.0
#: The share of the time probes may take before the walk (app/engine/probes.py).
PROBE_SHARE = 0.5
#: Seconds of the first walk, before any probe (`_explore`).
QUICK_WALK_SECONDS = 0.25
#: The most states on or after a cycle whose loops' fairness is worked out (`fairness`:
#: about a second of pure Python); past it, a livelock does not say whether it is fair.
FAIRNESS_MOST = 50_000
#: When a probe reached the goal: how long the walk looks for a shorter witness.
GOAL_SEARCH_SECONDS = 0.3
#: Steps of a run past which a walk of every schedule cannot hope to reach its end.
LONG_RUN = 100_000


@dataclass
class Found:
    """One reachable outcome: how many complete schedules end in it, and one of them."""

    outcome: Outcome
    #: None when unbounded (the outcome is reachable through a cycle), or not counted.
    schedules: int | None
    witness: str
    #: The steps into the witness after which no other outcome can be reached any more: where
    #: the outcome is decided (None when the graph has a cycle, where that is not worked out).
    decided: int | None = None
    #: Whether this outcome's final state meets the goal (None: no goal, or one about states
    #: along the way, which outcomes alone cannot answer).
    meets: bool | None = None
    #: For an outcome only a probe found (a search that could not finish): its policy's turn
    #: (`rr.100`). It is "found so far", and not counted.
    found_by: str = ""
    #: For a livelock no fair scheduler keeps going (`fairness`): the threads that never get
    #: a turn in it, though they could move.
    starved: tuple[str, ...] = ()

    @property
    def starving(self) -> str:
        """`Thread-2 never gets a turn`, `A and B never get a turn`, of `starved`."""
        return _starving(self.starved)

    def to_dict(self) -> dict[str, Any]:
        data = self.outcome.to_dict()
        data["schedules"] = self.schedules
        data["witness"] = self.witness
        data["decided"] = self.decided
        data["meets"] = self.meets
        if self.found_by:
            data["found_by"] = self.found_by
        if self.starved:
            data["starved"] = list(self.starved)
        return data


@dataclass(frozen=True)
class Race:
    #: What both touch: `counter`, `seen[0]`, `d['a']`, `acct.balance`, or a container both
    #: touch in places that overlap (`seen`: `seen.append(x)` and `seen[0]`).
    variable: str
    first: Side
    second: Side
    witness: str  # reaches a state where both accesses are next; either may go first

    def to_dict(self) -> dict[str, Any]:
        def access(a: Side) -> dict[str, Any]:
            return {"thread": a.thread, "line": a.line, "access": a.kind}
        return {"variable": self.variable, "first": access(self.first),
                "second": access(self.second), "witness": self.witness}


@dataclass(frozen=True)
class Deadlock:
    """A deadlock with its wait-for cycle (thread, what it holds, what it waits for)."""

    cycle: tuple[dict[str, Any], ...]
    blocked: tuple[dict[str, Any], ...]
    witness: str

    def to_dict(self) -> dict[str, Any]:
        return {"cycle": list(self.cycle), "blocked": list(self.blocked),
                "witness": self.witness}


@dataclass
class Exploration:
    complete: bool
    states: int
    transitions: int
    #: Total complete schedules; None when unbounded.
    schedules: int | None
    outcomes: list[Found]
    races: list[Race]
    deadlocks: list[Deadlock]
    seconds: float
    #: Why the search stopped early ("" when complete).
    stopped: str = ""
    goal: dict[str, Any] | None = None
    #: Transitions a walk of every schedule without merging states would take (the tree of
    #: schedules); None when unbounded or not counted. `unreduced_transitions / transitions`
    #: is the saving.
    unreduced_transitions: int | None = None
    #: Why the schedules were not counted ("" when they were; a count of None is then an
    #: unbounded one).
    not_counted: str = ""
    #: Whether the walk kept one of states that differ only in which of some threads alike
    #: is doing what (`symmetry`).
    twins_merged: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "complete": self.complete, "states": self.states,
            "transitions": self.transitions, "schedules": self.schedules,
            "seconds": round(self.seconds, 4), "stopped": self.stopped,
            "outcomes": [o.to_dict() for o in self.outcomes],
            "races": [r.to_dict() for r in self.races],
            "deadlocks": [d.to_dict() for d in self.deadlocks],
            "goal": self.goal, "unreduced_transitions": self.unreduced_transitions,
            "not_counted": self.not_counted, "twins_merged": self.twins_merged,
        }


#: `progress(states, transitions, seconds, found)`: `found`, the outcomes found so far (by the
#: walk or by a probe), so that a page shows them as they come.
Progress = Callable[[int, int, float, tuple[Outcome, ...]], None]
#: What the explorer keeps of a thread that can move: the shared data its step reads or writes
#: (thread name, line, accesses), or None.
_Step = tuple[str, int, tuple[Access, ...]] | None
#: A thread's move from a state: its id, what it is about to do (`_Space.steps`' number), and
#: the state it leads to, or the budget it blew (None: not worked out yet, `Parts.expand`).
_Move = tuple[int, int, State | Blown | None]


class _Edges:
    """Every state's successors, in two arrays (rows packed one after the other): a state's
    successors are added while it is walked, and states are walked in the order found."""

    def __init__(self) -> None:
        self.targets: array[int] = array("q")
        #: Per edge, the thread whose step it starts with (beside `targets`).
        self.threads: array[int] = array("h")
        #: Per state walked so far, where its successors start in `targets`.
        self.starts: array[int] = array("q")
        self.count = 0

    def new(self) -> int:
        """A new state, with no successor yet."""
        self.count += 1
        return self.count - 1

    def open(self, v: int) -> None:
        """The successors added next are `v`'s (the states before it have all theirs)."""
        starts, end = self.starts, len(self.targets)
        while len(starts) <= v:
            starts.append(end)

    def add(self, w: int, tid: int) -> None:
        self.targets.append(w)
        self.threads.append(tid)

    def steps(self, v: int) -> Iterator[tuple[int, int]]:
        """`v`'s successors, each with the thread whose step leads there."""
        row = self._row(v)
        return zip(self.targets[row], self.threads[row], strict=True)

    def _row(self, v: int) -> slice:
        """Where `v`'s successors are in `targets` (none yet if it is not walked)."""
        starts, end = self.starts, len(self.targets)
        if v >= len(starts):
            return slice(end, end)
        return slice(starts[v], starts[v + 1] if v + 1 < len(starts) else end)

    def __len__(self) -> int:
        return self.count

    def __getitem__(self, v: int) -> array[int]:
        return self.targets[self._row(v)]


def _no_chain() -> Interned[tuple[int, ...]]:
    chains: Interned[tuple[int, ...]] = Interned()
    chains.number(())
    return chains


@dataclass
class _Graph:
    """The explored graph: per state its successors, parent (for witnesses), terminal info.
    An edge is one step, or a step and the steps walked alone after it (`chain`)."""

    edges: _Edges = field(default_factory=_Edges)
    #: Per state, the state it was found from and the thread that stepped there (in arrays:
    #: a walk keeps millions of them).
    parent: array[int] = field(default_factory=lambda: array("q"))
    tid: array[int] = field(default_factory=lambda: array("q"))
    terminal: dict[int, int] = field(default_factory=dict)  # state → outcome index
    #: Per state reached by more than one step: the threads of the steps after the first.
    #: Per state, its number in `chains` (0: none; the same few chains recur).
    chain: array[int] = field(default_factory=lambda: array("q"))
    chains: Interned[tuple[int, ...]] = field(default_factory=_no_chain)
    #: Per state, the number of the move that made it the twin the walk keeps (`symmetry`;
    #: 0: none).
    move: array[int] = field(default_factory=lambda: array("q"))

    prefix: list[int] = field(default_factory=list)

    def add(self, parent: int, tid: int, chain: tuple[int, ...] = (), move: int = 0) -> int:
        state = self.edges.new()
        self.parent.append(parent)
        self.tid.append(tid)
        self.chain.append(self.chains.number(chain)[0])
        self.move.append(move)
        return state

    def steps(self, state: int) -> int:
        """How many steps the edge into `state` takes."""
        return 1 + len(self.chains.items[self.chain[state]])

    def path(self, state: int) -> list[int]:
        """The threads of the steps from the start (the prefix's first) to `state`."""
        return self.prefix + [tid for threads, _ in self.route(state) for tid in threads]

    def route(self, state: int) -> list[tuple[tuple[int, ...], int]]:
        """The edges from the first state to `state`: each one's threads, and the move that
        made the state it reached the twin kept (`symmetry`)."""
        edges: list[tuple[tuple[int, ...], int]] = []
        while state > 0:
            edges.append(((self.tid[state], *self.chains.items[self.chain[state]]),
                          self.move[state]))
            state = self.parent[state]
        edges.reverse()
        return edges


def explore(program: Program, *, prefix: str = "", max_states: int = DEFAULT_MAX_STATES,
            max_seconds: float = DEFAULT_MAX_SECONDS, goal: Goal | None = None,
            progress: Progress | None = None, should_stop: Callable[[], bool] | None = None,
            goal_directed: bool = False, count: bool = True, reduce: bool = True,
            symmetry: bool = True) -> Exploration:
    """Explore every schedule of `program` that starts with `prefix`, within the budgets.

    With a prefix (a schedule, e.g. the step a learner is looking at), counts are of the
    completions of that prefix, and every witness starts with it.

    The first state where `goal` holds gives a witness. `goal_directed` asks for a witness
    first of all: probes stop at the first that reaches the goal, and if its run is too long
    for the walk to reach an end, the walk only looks a little for a shorter one (the question
    `interleave explore --goal` asks). `progress(states, transitions, seconds, found)` is called
    about every 0.25 s; `should_stop()` lets a caller cancel (the result is then partial, like a
    budget stop). With `count`, schedules are counted on the unreduced graph when it fits in
    what is left of the budgets; else each outcome's count is None and `not_counted` says why.
    `reduce=False` walks every move of every state (`reduction`): the same answers, slower;
    `symmetry=False` keeps every twin of a state (`symmetry`), which `reduce=False` does too.
    """
    search = partial(_explore, program, prefix=prefix, max_states=max_states,
                     max_seconds=max_seconds, goal=goal, progress=progress,
                     should_stop=should_stop, goal_directed=goal_directed, count=count,
                     reduce=reduce)
    try:
        return search(symmetry=symmetry)
    except NoRun:  # a witness no run stands for: twins that were not alike after all
        return search(symmetry=False)


def _explore(program: Program, *, prefix: str, max_states: int, max_seconds: float,
             goal: Goal | None, progress: Progress | None,
             should_stop: Callable[[], bool] | None, goal_directed: bool, count: bool,
             reduce: bool, symmetry: bool) -> Exploration:
    start = time.perf_counter()
    space = _Space(program, prefix)
    # A goal about states along the way (`at(line)`) sees where each thread is: every state.
    reduce = reduce and (goal is None or not goal.anytime)
    probed: list[Probed] = []
    # First a walk too short to notice: most programs are walked whole in it, and need no
    # probe (a probe of a program that can run for ever runs to the step limit).
    limit = min(max_seconds, QUICK_WALK_SECONDS)
    reached: Probed | None = None
    next_report = start + 0.25

    def check(states: int, transitions: int, found: list[Outcome]) -> str:
        """Why the walk must stop now, or ""; reports progress on the way."""
        nonlocal next_report
        now = time.perf_counter()
        if now - start > limit:
            return (f"the time limit of {max_seconds:g} s was reached" if limit == max_seconds
                    else "a probe reached the goal; the walk for a shorter witness stopped"
                    if reached is not None else "the first walk's time was up")
        if should_stop is not None and should_stop():
            return "cancelled"
        if progress is not None and now >= next_report:
            progress(states, transitions, now - start, _so_far(found, probed))
            next_report = now + 0.25
        return ""

    walk = _walks(space, goal, reduce, symmetry, max_states, check)
    if walk.stopped and walk.stopped != "cancelled" and limit < max_seconds:
        # Too big to walk at once: probes, with a share of the time, so that a search too
        # big to finish still answers; then the walk again, with all the time.
        probes_end = start + max_seconds * PROBE_SHARE
        probed += probe(program, prefix, lambda: time.perf_counter() > probes_end or (
            should_stop is not None and should_stop()), goal if goal_directed else None)
        if progress is not None and probed:
            progress(0, 0, time.perf_counter() - start, _so_far([], probed))
        limit = max_seconds
        reached = next((p for p in probed if goal is not None and p.meets(goal)), None)
        if goal_directed and reached is not None and reached.outcome.step_count >= LONG_RUN:
            # Goal-directed: a probe reached it, in a run too long for the walk to reach its
            # end: the walk only looks a little for a shorter witness.
            limit = min(max_seconds, time.perf_counter() - start + GOAL_SEARCH_SECONDS)
        if not walk.stopped.startswith("the state limit"):  # else it would stop there again
            walk = _walks(space, goal, reduce, symmetry, max_states, check, walk)
    else:
        limit = max_seconds  # for the walk of every move, if one is needed
    graph, stopped = walk.graph, walk.stopped
    looping = _looping(graph.edges, walk.forward)
    decided = _decided(graph, walk.witnesses) if walk.forward and not stopped else {}
    found = [Found(o, None, walk.witness(walk.witnesses[i])[0], decided.get(i), walk.meets[i])
             for i, o in enumerate(walk.outcomes)]
    @cache
    def every_move() -> _Walk:
        """The walk of every move (the same walk if it is one), walked once."""
        if not walk.reduce:
            return walk
        full = _Walk(space, None, reduce=False, races=False)
        full.run(max_states, check)
        return full

    if looping:
        found.append(_livelock(program, walk, _on_cycle(graph.edges, looping), every_move()))
    not_counted, unreduced, total = _counts(walk, found, count, every_move)
    found.sort(key=lambda f: (f.schedules is None, -(f.schedules or 0), f.witness))
    if stopped:  # what the probes found that the walk did not reach: found so far
        known = {_signature(f.outcome) for f in found}
        for p in probed:
            if _signature(p.outcome) not in known:
                known.add(_signature(p.outcome))
                meets = None if goal is None or goal.anytime else p.meets(goal)
                found.append(Found(p.outcome, None, p.witness, meets=meets,
                                   found_by=p.witness.rsplit("~", 1)[1]))
    goal_result = None
    if goal is not None:
        witness = (walk.witness(walk.goal_state)[0] if walk.goal_state is not None
                   else reached.witness if reached is not None else None)
        goal_result = {"reachable": witness is not None, "witness": witness,
                       "proof": witness is None and not stopped}
    return Exploration(
        complete=not stopped, states=len(walk.index), transitions=walk.transitions,
        schedules=total, outcomes=found,
        races=sorted(walk.races.values(), key=lambda r: (r.variable, r.first)),
        deadlocks=walk.deadlocks, seconds=time.perf_counter() - start, stopped=stopped,
        goal=goal_result, unreduced_transitions=unreduced, not_counted=not_counted,
        twins_merged=walk.symmetry is not None and any(graph.move))


def _walks(space: _Space, goal: Goal | None, reduce: bool, symmetry: bool, max_states: int,
           check: Callable[[int, int, list[Outcome]], str], stopped: _Walk | None = None
           ) -> _Walk:
    """The walk of the reduced graph (with twins merged, if `symmetry`), or the rest of a walk
    `stopped` by the clock: walked again keeping every twin, or with the cycle proviso, where
    it finds it must."""
    walk = stopped or _Walk(space, goal, reduce, symmetric=reduce and symmetry)
    walk.stopped = ""
    walk.run(max_states, check)
    if walk.told_apart:
        # A thread crashed, or a run ended in a way that names threads the walk took for
        # twins after it had merged some: walk again keeping every twin.
        walk = _Walk(space, goal, reduce)
        walk.run(max_states, check)
    if reduce and not walk.proviso and not walk.stopped and _looping(walk.graph.edges,
                                                                      walk.forward):
        # A cycle, around which steps walked alone may have put other threads off for ever:
        # walk again with the cycle proviso.
        walk = _Walk(space, goal, reduce, proviso=True)
        walk.run(max_states, check)
    return walk


def _livelock(program: Program, walk: _Walk, cyclic: int, full: _Walk) -> Found:
    """The outcome of running for ever, reached by a witness from `walk` (a state on a
    cycle): on the graph of every move (`full`, if it was walked whole), a loop a fair
    scheduler can keep going round if there is one, else one that starves a thread
    (`fairness`), said so."""
    path = walk.witness(cyclic)[0]
    reason = "the program can run forever: this schedule reaches a state it can return to"
    starved: tuple[str, ...] = ()
    looping = [] if full.stopped else _looping(full.graph.edges, full.forward)
    if 0 < len(looping) <= FAIRNESS_MOST:
        fair, found = loops(full.graph.edges, looping)
        if found:
            loop = fair or found[0]
            path = full.witness(loop.state)[0]
            if fair is None:
                names = [th.name for th in _replay(program, path).threads]
                starved = tuple(names[t] for t in sorted(loop.starved))
                going = ", ".join(names[t] for t in sorted(loop.going))
                reason = (f"the program runs forever only if {_starving(starved)} when "
                          f"{'it' if len(starved) == 1 else 'they'} could move: {going} can "
                          "go round this loop for ever. A scheduler that gives every thread "
                          "a turn leaves it")
    return Found(outcome_of(_replay(program, path), LIVELOCK, 0, reason), None, path,
                 starved=starved)


def _starving(names: tuple[str, ...]) -> str:
    listed = " and ".join(filter(None, (", ".join(names[:-1]), names[-1])))
    return f"{listed} never {'gets' if len(names) == 1 else 'get'} a turn"


def _counts(walk: _Walk, found: list[Found], count: bool, every_move: Callable[[], _Walk]
            ) -> tuple[str, int | None, int | None]:
    """Count the schedules that end in each of `found` (what `walk` found) on the unreduced
    graph (`every_move`'s), in place: why they are not counted ("" if they are), the
    unreduced graph's tree of schedules' edges, and the total (None when unbounded or not
    counted)."""
    if walk.stopped:
        return f"the search did not finish ({walk.stopped})", None, None
    if not count:
        return "not asked for", None, None
    full = every_move()
    if full.stopped:
        return f"counting every schedule stopped: {full.stopped}", None, None
    counts, looping, unreduced = _count(full.graph, len(full.outcomes), full.forward)
    by_signature = {_signature(o): counts[i] for i, o in enumerate(full.outcomes)}
    for f in found:
        if f.outcome.kind != LIVELOCK:
            f.schedules = by_signature[_signature(f.outcome)]
    if looping:
        return "", None, None
    total = None if any(f.schedules is None for f in found) else sum(
        f.schedules or 0 for f in found)
    return "", unreduced, total


class _Space:
    """The states of one program's schedules from a prefix, as parts, with what each thread
    is about to do (its accesses, and its kind for the reduction): shared by the walks."""

    def __init__(self, program: Program, prefix: str) -> None:
        root = _replay(program, prefix)
        self.program, self.prefix_text = program, prefix
        # What a thread is about to do, numbered, so that what the threads side by side in a
        # state are about to do is one number: cheap to look up in `_Walk.looked_at`. Equal
        # numbers are equal accesses, but for leading nothings: the same races.
        self.steps: Interned[tuple[_Step, int]] = Interned()
        self.steps.number((None, OTHER))
        self.parts: Parts[int] = Parts(root, self._facts)
        self.first = self.parts.split(root)
        self.parts.learn(*self.parts.join(self.first), self.first)
        self.prefix = decode(prefix)
        #: Per state and thread: whether no other thread can see the start it is about to
        #: make, or reach what its private step reads.
        self.unseen: dict[tuple[State, int], bool] = {}
        #: Per rest of a shared part, the positions of the objects that globals some function
        #: names hold: any thread may reach them (`_named`).
        self.named: dict[int, frozenset[str | int]] = {}
        self.symmetry = Symmetry(self.parts) if may_use(program) else None

    def _facts(self, m: Machine, th: Thread, table: list[Any]) -> int:
        found = accesses(m, th, table)
        step = (th.name, program_line(th), found) if found else None
        return self.steps.number((step, kind_of(m, th, found)))[0]

    def alone(self, state: State, moves: list[_Move], found: dict[State, int] | None
              ) -> _Move | None:
        """A move of `moves` (from `state`) independent of every other thread's steps, if
        there is one (`reduction`); with the cycle proviso, one that leads to a state not
        `found` yet. The steps it takes to see are filled in `moves`."""
        kinds = self.steps.items
        for i, (tid, facts, after) in enumerate(moves):
            kind = kinds[facts][1]
            if kind == OTHER:
                continue
            if after is None:
                after = self.parts.step(state, tid)
                moves[i] = (tid, facts, after)
            move = (tid, facts, after)
            if isinstance(after, Blown) or found is not None and after in found:
                continue
            if kind == LOCAL or kind == PRIVATE:
                if after & FIELD == state & FIELD and (
                        kind == LOCAL or self._unseen(state, tid, kinds[facts][0])):
                    return move
            elif self._unseen(state, tid, kind):
                return move
        return None

    def _unseen(self, state: State, tid: int, what: int | _Step) -> bool:
        """Whether no other thread can see the start of thread `what` (an id), or reach the
        objects the accesses `what` read (a private step)."""
        key = (state, tid)
        known = self.unseen.get(key)
        if known is None and what is not None and not isinstance(what, int) and (
                self._named(state).intersection(a.thing for a in what[2])):
            known = self.unseen[key] = False  # a global a function names holds it
        if known is None:
            m, table = self.parts.join(state)
            if isinstance(what, int):
                known = unseen(m, tid, what)
            else:
                assert what is not None  # a private step reads something
                known = private(m, tid, [table[a.thing] for a in what[2]
                                          if isinstance(a.thing, int)])
            self.unseen[key] = known
        return known

    def _named(self, state: State) -> frozenset[str | int]:
        """The positions of the objects of `state`'s shared part that a global some
        function names holds (as `reduction.private` finds them, without a machine)."""
        rest = self.parts.shared.items[state & FIELD][0]
        found = self.named.get(rest)
        if found is None:
            named = self.parts.rest_facts[rest].named
            found = self.named[rest] = frozenset(
                named[name] for name in self.program.named_in_functions if name in named)
        return found


class _Walk:
    """One breadth-first walk of the graph of states: reduced (what can happen: outcomes,
    races, deadlocks, a goal) or every move (to count schedules)."""

    def __init__(self, space: _Space, goal: Goal | None, reduce: bool, races: bool = True,
                 proviso: bool = False, symmetric: bool = False) -> None:
        self.space, self.goal, self.reduce, self.find_races = space, goal, reduce, races
        #: Whether it keeps one twin of states that differ only in which of some threads
        #: alike is doing what (`symmetry`).
        self.symmetry = space.symmetry if symmetric else None
        #: Whether a step is walked alone only to a new state (`reduction`); needed only where
        #: the graph has a cycle.
        self.proviso = proviso
        self.graph = _Graph(prefix=space.prefix)
        self.graph.add(-1, -1)
        # Per node of the graph, in the order found (which is the breadth-first queue's): its
        # state, or None for the end of a step that blew a budget.
        self.states: list[State | None] = [space.first]
        self.index: dict[State, int] = {space.first: 0}
        self.outcomes: list[Outcome] = []
        self.outcome_index: dict[tuple[Any, ...], int] = {}
        self.witnesses: list[int] = []
        self.meets: list[bool | None] = []
        self.races: dict[tuple[Any, ...], Race] = {}
        self.looked_at: set[int] = set()
        self.deadlocks: list[Deadlock] = []
        self.goal_state: int | None = None
        self.transitions = 0
        self.forward = True  # every edge so far leads to a state found later
        self.stopped = ""
        #: The state to walk next, where `run` goes on from (it stopped there).
        self.next = 0
        #: The node where a step's end not kept leads: a twin of a state found, or one passed
        #: through by steps walked alone (a step's end is often reached again).
        self.passed: dict[State, int] = {}

    def run(self, max_states: int, check: Callable[[int, int, list[Outcome]], str]) -> None:
        """Walk until every state is expanded, or `max_states` are found, or `check` (asked
        every 32 states) says why to stop."""
        parts, graph, index, states = self.space.parts, self.graph, self.index, self.states
        expand, edges, goal = parts.expand, graph.edges, self.goal
        alone = self.space.alone if self.reduce else None
        found = index if self.proviso else None
        # `states` grows as it goes: a breadth-first walk, from where it stopped, if it did.
        for s, state in enumerate(islice(states, self.next, None), self.next):
            if state is None:
                continue
            if (s & 31 == 0 or len(index) >= max_states) and self._stops(s, max_states, check):
                self.next = s
                return
            moves = expand(state, self.reduce)
            if goal is not None or not moves:
                self._judge(s, state, not moves)
                if self.told_apart:
                    return
                if not moves:
                    continue
            if len(moves) > 1:
                if self.find_races:
                    self._races(s, moves)
                if alone is not None and (move := alone(state, moves, found)) is not None:
                    moves = [move]
            edges.open(s)
            step = parts.step
            self.transitions += len(moves)
            for tid, _, after in moves:
                if after is None:
                    after = step(state, tid)
                if isinstance(after, Blown):
                    self._blown(s, tid, after)
                    if self.told_apart:
                        return
                    continue
                known = index.get(after)  # a state found is its own twin, and walked no further
                if known is None:
                    known = self._node(s, tid, after)
                if known <= s:
                    self.forward = False
                edges.add(known, tid)

    def _node(self, s: int, tid: int, after: State) -> int:
        """The node where a step of `tid` from node `s` to `after`, a state not found, leads:
        a twin's, or where steps walked alone from it lead, if found; else a new one. Where
        a step's end leads is remembered (it is often reached again), but not with the cycle
        proviso, where the steps walked alone depend on what is found so far."""
        passed = None if self.proviso else self.passed
        known = None if passed is None else passed.get(after)
        if known is not None:
            return known
        reached, index = after, self.index
        chain: tuple[int, ...] = ()
        moved = 0
        if self.symmetry is not None:
            after, moved = self.symmetry.canonical(after)
            known = index.get(after)
        if known is None and self.reduce:
            after, chain, moved = self._onwards(after, moved)
            known = index.get(after)
        if known is None:
            known = index[after] = self.graph.add(s, tid, chain, moved)
            self.states.append(after)
        if passed is not None and reached != after:
            passed[reached] = known
        return known

    def _stops(self, s: int, max_states: int,
               check: Callable[[int, int, list[Outcome]], str]) -> bool:
        """Whether the walk must stop before state number `s` (and why, in `stopped`)."""
        if len(self.index) >= max_states:
            self.stopped = f"the state limit of {max_states:,} was reached"
        elif s & 31 == 0:
            if self.told_apart:
                return True
            self.stopped = check(len(self.index), self.transitions, self.outcomes)
        return bool(self.stopped)

    def _judge(self, s: int, state: State, ended: bool) -> None:
        """Whether state number `s` meets the goal (if it is one the goal is about), and
        the outcome it ends in, if the run has `ended` there."""
        goal = self.goal
        m = None  # a machine in this state, read only where one is needed
        if goal is not None and self.goal_state is None and (goal.anytime or ended):
            m = self.space.parts.join(state)[0]
            if goal(m, ended):
                self.goal_state = s
        if ended:
            if m is None:
                m = self.space.parts.join(state)[0]
            self._finish(s, outcome_of(m, DONE if m.over() else DEADLOCK, 0), m)

    def _blown(self, s: int, tid: int, blown: Blown) -> None:
        """A step from state number `s` that blew a budget: an end of its own."""
        j = self.graph.add(s, tid)
        self.states.append(None)
        self._finish(j, outcome_of(blown.machine, LIMIT, 0, str(blown.error)), blown.machine)
        self.graph.edges.add(j, tid)

    def _onwards(self, state: State, moved: int) -> tuple[State, tuple[int, ...], int]:
        """Where the steps walked alone from `state` (the twin that move `moved` made of a
        step's end) lead, as its twin, their threads as those of the step's end, and the move
        from that end to where they lead (twins walk alone alike: `_fold` of a twin is the
        twin of `_fold`)."""
        state, chain = self._fold(state)
        symmetry = self.symmetry
        if symmetry is None or not chain:
            return state, chain, moved
        state, then = symmetry.canonical(state)
        return state, symmetry.undo(moved, chain), symmetry.compose(moved, then)

    def _fold(self, state: State) -> tuple[State, tuple[int, ...]]:
        """Where the steps walked alone from `state` lead, not yet found, and their threads.

        A state whose walk is one step alone is passed through, not kept: no race is seen
        there that is not seen where the steps end (the thread walked alone accesses nothing
        shared, and the others do not move), no run ends there, and its goal is about the
        end (a goal along the way walks every move)."""
        space, index = self.space, self.index
        found = index if self.proviso else None
        chain: list[int] = []
        passed = {state}
        while state not in index:
            move = space.alone(state, space.parts.expand(state, lazily=True), found)
            if move is None:
                break
            tid, _, after = move
            if not isinstance(after, State) or after in passed:
                break
            chain.append(tid)
            state = after
            passed.add(state)
        return state, tuple(chain)

    def _races(self, s: int, moves: list[_Move]) -> None:
        seen = 0  # what the threads are about to do, one number each, in BITS-bit fields
        for _, facts, _ in moves:
            seen = seen << BITS | facts
        if seen not in self.looked_at:  # the same accesses: the same races
            self.looked_at.add(seen)
            items = self.space.steps.items
            _find_races([items[n][0] for _, n, _ in moves], s, self.witness, self.races)

    def witness(self, state: int) -> tuple[str, dict[str, str]]:
        """The schedule of a run that reaches `state` (one of its twins, with symmetry), and
        which thread of the run each thread of the state is, by name (those that differ)."""
        path = self.graph.path(state)
        if self.symmetry is None or not any(self.graph.move):
            return encode(path), {}
        m = _replay(self.space.program, self.space.prefix_text)
        taken, which = concrete(m, self.graph.route(state), self.symmetry.moves.items, _step)
        names = [th.name for th in m.threads]
        return (encode(self.graph.prefix + taken),
                {names[t]: names[w] for t, w in which.items() if t != w})

    @property
    def told_apart(self) -> bool:
        """Whether threads it took for twins turned out not to be alike after it had merged
        some states: it must start again, keeping every twin."""
        symmetry = self.symmetry
        return symmetry is not None and symmetry.told_apart and symmetry.merged > 0

    def _finish(self, state: int, outcome: Outcome, m: Machine) -> None:
        if self.symmetry is not None and (outcome.kind != DONE or m.errors):
            self.symmetry.told_apart = True  # its report names threads: they are not alike
            if self.told_apart:
                return
        sig = _signature(outcome)
        i = self.outcome_index.get(sig)
        if i is None:
            i = self.outcome_index[sig] = len(self.outcomes)
            self.outcomes.append(outcome)
            self.witnesses.append(state)
            goal = self.goal
            # A run stopped by a budget has no final state to judge: it meets no goal.
            self.meets.append(None if goal is None or goal.anytime else
                              outcome.kind != LIMIT and goal(m, True))
            if outcome.kind == DEADLOCK:
                self.deadlocks.append(_deadlock(outcome, self.witness(state)[0]))
        self.graph.terminal[state] = i


def _so_far(outcomes: list[Outcome], probed: list[Probed], most: int = 12
            ) -> tuple[Outcome, ...]:
    """The outcomes found so far, each once: the walk's, then the probes' (at most `most`)."""
    seen, found = set(), []
    for outcome in [*outcomes, *(p.outcome for p in probed)]:
        if (sig := _signature(outcome)) not in seen:
            seen.add(sig)
            found.append(outcome)
    return tuple(found[:most])


def _step(m: Machine, tid: int) -> None:
    m.step(tid)


def _replay(program: Program, schedule: str) -> Machine:
    """The machine after `schedule`, followed like any explicit schedule (ScheduleError if it
    cannot be); a budget blown on the way is the caller's BudgetError."""
    result = run(program, Explicit(schedule), record=False)
    if result.outcome.kind == LIMIT:
        raise BudgetError(result.outcome.reason)
    assert result.machine is not None
    return result.machine


def _signature(outcome: Outcome) -> tuple[Any, ...]:
    return (outcome.kind, _globals_key(outcome.globals), outcome.output,
            tuple(str(e) for e in outcome.errors),
            tuple(b.thread for b in outcome.blocked), outcome.reason)


def _globals_key(values: dict[str, Any]) -> str | bytes:
    """The globals' repr, which tells apart what a learner would; an int too long for text
    (CPython refuses to convert it) makes it their pickle instead, which tells them apart too."""
    items = sorted(values.items())
    try:
        return repr(items)
    except ValueError:
        return pickle.dumps(items, pickle.HIGHEST_PROTOCOL)


def _count(graph: _Graph, outcomes: int, forward: bool
           ) -> tuple[list[int | None], list[int], int | None]:
    """Schedules per outcome (None: unbounded), the states on or after a cycle (`_looping`),
    and the edges of the unmerged tree of schedules (None if unbounded).

    Paths from the first state are counted forward in topological order: the order the
    states were found in when every edge leads `forward` to a later one (as in any program
    whose states each lie a fixed number of steps from the start), else Kahn's. States
    that order never reaches lie on a cycle or after one: infinitely many schedules reach
    them."""
    edges = graph.edges
    order, looping = (range(len(edges)), []) if forward else _topological(edges)
    paths = [0] * len(edges)
    paths[0] = 1
    tree = 0
    for v in order:  # paths[v] is final by its turn
        pv, succ = paths[v], edges[v]
        if pv and succ:
            tree += pv * len(succ)
            for w in succ:
                paths[w] += pv
    unbounded = set(looping)
    counts: list[int | None] = [0] * outcomes
    for state, i in graph.terminal.items():
        c = counts[i]
        counts[i] = None if c is None or state in unbounded else c + paths[state]
    return counts, looping, None if looping else tree


def _looping(edges: _Edges, forward: bool) -> list[int]:
    """The states on a cycle or after one (none when every edge leads `forward`)."""
    return [] if forward else _topological(edges)[1]


def _decided(graph: _Graph, witnesses: list[int]) -> dict[int, int]:
    """Per outcome, the steps along its witness after which only it can be reached.

    Which outcomes each state can reach is worked out backwards from the ends, as bit sets,
    in the reverse of the order the states were found: for a graph whose every edge leads
    forward (the caller checks), a reverse topological order."""
    edges, terminal = graph.edges, graph.terminal
    reach = [0] * len(edges)
    for v in range(len(edges) - 1, -1, -1):
        bits = 1 << terminal[v] if v in terminal else 0
        for w in edges[v]:
            bits |= reach[w]
        reach[v] = bits
    decided = {}
    for i, end in enumerate(witnesses):
        path = [end]
        while path[-1] > 0:
            path.append(graph.parent[path[-1]])
        path.reverse()
        steps = 0
        for v in path:
            if v > 0:
                steps += graph.steps(v)
            if reach[v] == 1 << i:
                break
        decided[i] = len(graph.prefix) + steps
    return decided


def _topological(edges: _Edges) -> tuple[list[int], list[int]]:
    """The states reached from the first in a topological order (Kahn's), and the others:
    those on a cycle or after one."""
    indegree = [0] * len(edges)
    for w in edges.targets:
        indegree[w] += 1
    order: list[int] = []
    ready = [0] if indegree[0] == 0 else []
    while ready:
        v = ready.pop()
        order.append(v)
        for w in edges[v]:
            indegree[w] -= 1
            if indegree[w] == 0:
                ready.append(w)
    return order, [v for v, d in enumerate(indegree) if d]


def _on_cycle(edges: _Edges, looping: list[int]) -> int:
    """A state on a cycle, among the states the topological order missed.

    Each of those has a predecessor among them (its edges from them were never taken away),
    so walking back from one, always to the earliest such predecessor, must come round to a
    state seen before: that walk has gone round a cycle, and the cycle's earliest state
    is the one with the shortest witness."""
    stuck = set(looping)
    back: dict[int, int] = {}
    for v in looping:
        for w in edges[v]:
            if w in stuck and (w not in back or v < back[w]):
                back[w] = v
    seen: dict[int, int] = {}
    v = looping[0]
    while v not in seen:
        seen[v] = len(seen)
        v = back[v]
    return min(w for w, order in seen.items() if order >= seen[v])


def _find_races(steps: list[_Step], state: int,
                witness: Callable[[int], tuple[str, dict[str, str]]],
                races: dict[tuple[Any, ...], Race]) -> None:
    """Record pairs of enabled threads about to make accesses that conflict (`accesses`)."""
    found = [step for step in steps if step is not None]
    for i, (name1, line1, accesses1) in enumerate(found):
        for name2, line2, accesses2 in found[i + 1:]:
            for a in accesses1:
                for b in accesses2:
                    if conflict(a, b):
                        _race(name1, line1, a, name2, line2, b, state, witness, races)


def _race(name1: str, line1: int, a: Access, name2: str, line2: int, b: Access, state: int,
          witness: Callable[[int], tuple[str, dict[str, str]]],
          races: dict[tuple[Any, ...], Race]) -> None:
    first, second = sorted((Side(name1, line1, _kind(a)), Side(name2, line2, _kind(b))))
    # The place both touch, or where one touches all of a container, the container (named as
    # either thread does: each may hold it in a local of its own).
    variable = a.name if a.name == b.name else min(a.owner, b.owner)
    # One race per place and pair of accesses, whichever threads make them: the same race
    # between other threads, or between the same two the other way round, is not another.
    key = (variable, *sorted(((first.line, first.kind), (second.line, second.kind))))
    if key not in races:
        schedule, names = witness(state)
        first, second = sorted(side._replace(thread=names.get(side.thread, side.thread))
                               for side in (first, second))
        races[key] = Race(variable, first, second, schedule)


def _kind(access: Access) -> str:
    return "write" if access.write else "read"


def _deadlock(outcome: Outcome, witness: str) -> Deadlock:
    blocked = outcome.blocked
    by_name = {b.thread: b for b in blocked}
    cycle: list[dict[str, Any]] = []
    seen: list[str] = []
    current = next((b for b in blocked if b.waits_for), None)
    while current is not None and current.thread not in seen:
        seen.append(current.thread)
        current = by_name.get(current.waits_for or "")
    if current is not None:
        start = seen.index(current.thread)
        for name in seen[start:]:
            b = by_name[name]
            cycle.append({"thread": name, "holds": list(b.holds), "waits_for": b.waits_for,
                          "reason": b.reason})
    return Deadlock(tuple(cycle), tuple(b.to_dict() for b in blocked), witness)

