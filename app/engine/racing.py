"""A race right here: the threads that can move in one state and are about to make accesses
that conflict (`accesses`), so that either could go first. The explorer finds races this way
in every state it walks; a page shows one state, the one a race's witness leads to, and says
which two steps are side by side there."""

from __future__ import annotations

from typing import NamedTuple

from .accesses import accesses, conflict
from .machine import Machine, program_line
from .parts import Parts


class Side(NamedTuple):
    """One side of a race: who is about to touch the variable, where, and how."""

    thread: str
    line: int
    kind: str  # "read" or "write"


class SideBySide(NamedTuple):
    variable: str
    first: Side
    second: Side


def races_at(m: Machine) -> list[SideBySide]:
    """The pairs of conflicting accesses the threads that can move in `m` are about to make,
    one per thread pair and place, in thread order."""
    # Accesses name shared things by their position in the shared part's table, which only a
    # machine joined from its parts has.
    parts = Parts(m, lambda *_: None)
    joined, table = parts.join(parts.split(m))
    ready = [joined.threads[tid] for tid in joined.enabled()]
    steps = [(th, accesses(joined, th, table)) for th in ready]
    found: dict[tuple[str, str, str], SideBySide] = {}
    for i, (th1, mine) in enumerate(steps):
        for th2, theirs in steps[i + 1:]:
            for a in mine:
                for b in theirs:
                    if not conflict(a, b):
                        continue
                    variable = a.name if a.name == b.name else min(a.owner, b.owner)
                    key = (th1.name, th2.name, variable)
                    if key not in found:
                        found[key] = SideBySide(
                            variable,
                            Side(th1.name, program_line(th1), _kind(a.write)),
                            Side(th2.name, program_line(th2), _kind(b.write)))
    return list(found.values())


def _kind(write: bool) -> str:
    return "write" if write else "read"
