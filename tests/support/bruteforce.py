"""An independent check for the engine and the explorer: walk every schedule, no cleverness.

Depth-first over `Machine.enabled()`, copying the machine at each branch. Exponential, so only
for the small programs of the tests.
"""

from __future__ import annotations

import ast
import textwrap
from collections import Counter
from dataclasses import dataclass
from typing import Any

from app.engine import Machine, Program, clone, compile_program
from app.engine.trace import DEADLOCK, DONE, outcome_of


@dataclass(frozen=True, eq=False)
class Reached:
    """One reachable outcome as data: what `enumerate_outcomes` reports, decoded."""

    kind: str
    globals: dict[str, Any]
    errors: tuple[str, ...]
    blocked: tuple[str, ...]


def signature(outcome, keys=None) -> tuple:
    """What identifies an outcome: kind, selected globals, errors, blocked threads."""
    globals_ = outcome.globals if keys is None else {
        k: outcome.globals.get(k) for k in keys}
    return (outcome.kind, repr(sorted(globals_.items())),
            tuple(sorted(str(e) for e in outcome.errors)),
            tuple(sorted(b.thread for b in outcome.blocked)) if outcome.kind == DEADLOCK
            else ())


def enumerate_outcomes(program: Program, keys=None, max_depth: int = 200) -> Counter:
    """Counter of outcome signatures, one count per complete schedule."""
    counts: Counter = Counter()
    stack = [(Machine(program), 0)]
    while stack:
        m, depth = stack.pop()
        enabled = m.enabled()
        if not enabled:
            kind = DONE if m.over() else DEADLOCK
            counts[signature(outcome_of(m, kind, depth), keys)] += 1
            continue
        if depth >= max_depth:
            raise AssertionError("schedule longer than max_depth: an endless loop?")
        for i, tid in enumerate(enabled):
            twin = m if i == len(enabled) - 1 else clone(m)
            twin.step(tid)
            stack.append((twin, depth + 1))
    return counts


def reached(source: str, keys: list[str] | None = None) -> list[Reached]:
    """Every distinct outcome some schedule of (dedented) `source` reaches."""
    counts = enumerate_outcomes(compile_program(textwrap.dedent(source)), keys)
    return [Reached(kind, dict(ast.literal_eval(globals_)), errors, blocked)
            for kind, globals_, errors, blocked in counts]
