"""Which loops of the graph of states a fair scheduler can keep a program going round.

A program that can return to a state it was in can run for ever, but a scheduler may have to
be unfair to make it: Peterson's busy wait goes round while the spinning thread runs, and only
while the other thread, which would end it, is never run. A fair scheduler gives every thread
that can move again and again a turn in the end (strong fairness), as CPython's switches do.

The loops are the strongly connected components of the graph with a step inside. A run round
a component is fair when every thread that can move somewhere in it takes a step inside it:
the run through all its states and steps is then fair. Otherwise such a thread must not be
able to move where the run goes, so a fair run keeps to the component's states where it
cannot, and the search goes on in their own components (Emerson and Lei's algorithm).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import NamedTuple, Protocol


class Steps(Protocol):
    def steps(self, v: int) -> Iterator[tuple[int, int]]:
        """`v`'s successors, each with the thread whose step leads there."""


class Loop(NamedTuple):
    """A strongly connected set of states with a step inside."""

    #: Its earliest state (the one found first).
    state: int
    #: The threads that step inside it.
    going: frozenset[int]
    #: The threads that can move in some of its states and never step inside it: a fair
    #: scheduler gives them a turn, and leaves the loop.
    starved: frozenset[int]


def loops(edges: Steps, among: Iterable[int]) -> tuple[Loop | None, list[Loop]]:
    """A loop a fair scheduler can keep going round, if the graph on `among` (the states on
    or after a cycle) has one, and the graph's loops, earliest first."""
    found = _loops(edges, set(among))
    pending = list(reversed(found))
    while pending:
        loop = pending.pop()
        if not loop.starved:
            return loop.found, [c.found for c in found]
        # A fair run goes only where the starved threads cannot move.
        rest = {v for v in loop.states if loop.starved.isdisjoint(loop.movers[v])}
        pending += reversed(_loops(edges, rest))
    return None, [c.found for c in found]


class _Component(NamedTuple):
    found: Loop
    states: list[int]
    movers: dict[int, set[int]]

    @property
    def starved(self) -> frozenset[int]:
        return self.found.starved


def _loops(edges: Steps, inside: set[int]) -> list[_Component]:
    """The components of the graph on `inside` with a step inside, earliest first."""
    found = []
    for component in _components(edges, inside):
        members = set(component)
        going: set[int] = set()
        movers: dict[int, set[int]] = {}
        for v in component:
            movers[v] = set()
            for w, tid in edges.steps(v):
                movers[v].add(tid)
                if w in members:
                    going.add(tid)
        if going:
            somewhere = set().union(*movers.values())
            loop = Loop(min(component), frozenset(going), frozenset(somewhere - going))
            found.append(_Component(loop, component, movers))
    return sorted(found, key=lambda c: c.found.state)


def _components(edges: Steps, inside: set[int]) -> list[list[int]]:
    """The strongly connected components of the graph on `inside` (Tarjan's, without
    recursion: a walk can find millions of states)."""
    index: dict[int, int] = {}
    low: dict[int, int] = {}
    stack: list[int] = []
    on_stack: set[int] = set()
    found: list[list[int]] = []
    for root in sorted(inside):
        if root in index:
            continue
        work = [(root, _successors(edges, root, inside))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            v, successors = work[-1]
            for w in successors:
                if w not in index:
                    index[w] = low[w] = len(index)
                    stack.append(w)
                    on_stack.add(w)
                    work.append((w, _successors(edges, w, inside)))
                    break
                if w in on_stack:
                    low[v] = min(low[v], index[w])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[v])
                if low[v] == index[v]:
                    component = []
                    while True:
                        w = stack.pop()
                        on_stack.discard(w)
                        component.append(w)
                        if w == v:
                            break
                    found.append(component)
    return found


def _successors(edges: Steps, v: int, inside: set[int]) -> Iterator[int]:
    return (w for w, _ in edges.steps(v) if w in inside)
