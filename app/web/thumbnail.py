"""A scenario's card picture: the timeline of its default policy's run, drawn small, or
for a challenge to reach a deadlock, that deadlock's wait-for graph.

The timeline has one row per thread, a bar wherever that thread ran, and the run's end marked
(a finished run in green, a deadlock or a crash in red). The graph is of the shortest
deadlock the explorer finds (a few dozen states for the built-in ones). Drawn by the server as
SVG, once per scenario and worker: it depends only on the program, its policy and its goal.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import NamedTuple

from markupsafe import Markup, escape

from .. import scenarios
from ..engine import (
    DEADLOCK,
    DONE,
    Explicit,
    InterleaveError,
    Outcome,
    compile_program,
    explore,
    make_policy,
    parse_goal,
    run,
)
from ..engine.schedule import decode_runs
from .display import POLICY_WORDS

#: Steps drawn: a long run (the lesson's 1.2-million-step counter) shows its start.
STEPS = 3_000
WIDTH = 200
ROW = 9
GAP = 3
#: Room on the right for the end's mark.
END = 12
#: The explorer's budget for a deadlock to draw (the built-in ones need a few dozen states).
STATES = 2_000
GRAPH_HEIGHT = 76


def thumbnail(scenario: scenarios.Scenario) -> Markup:
    """The card's picture; none for a program whose run cannot be drawn (a teacher's that
    blows a budget at its first steps): the card goes without, the gallery still opens."""
    try:
        if scenario.goal.strip() == "deadlock":
            graph = _graph(scenario.source, scenario.title)
            if graph is not None:
                return graph
        return _drawn(scenario.source, scenario.policy, scenario.title)
    except InterleaveError:
        return Markup("")


@lru_cache(maxsize=128)
def _graph(source: str, title: str) -> Markup | None:
    """The wait-for graph of a shortest deadlock, or None when the explorer finds none."""
    program = compile_program(source)
    found = explore(program, goal=parse_goal("deadlock"), max_states=STATES, max_seconds=0.5)
    witness = (found.goal or {}).get("witness")
    if not isinstance(witness, str):
        return None
    outcome = run(program, Explicit(witness), record=False).outcome
    if outcome.kind != DEADLOCK:
        return None
    return _wait_for(outcome, f"The deadlock of {title}: " + "; ".join(
        f"{b.thread} waits for {b.waits_for}" for b in outcome.blocked if b.waits_for))


def _wait_for(outcome: Outcome, words: str) -> Markup:
    """Threads in boxes on an ellipse, an arrow from each to the thread it waits for (a loop
    for a thread that waits for itself)."""
    names = list(dict.fromkeys(b.thread for b in outcome.blocked))
    cx, cy, rx, ry = WIDTH / 2, GRAPH_HEIGHT / 2, WIDTH / 2 - 34, GRAPH_HEIGHT / 2 - 12
    boxes = {}
    for i, name in enumerate(names):
        angle = 2 * math.pi * i / len(names) - math.pi / 2
        short = name.split(" (")[0]
        boxes[name] = _Box(short, cx + rx * math.cos(angle), cy + ry * math.sin(angle),
                           len(short) * 3.4 + 5, 8)
    parts = []
    for b in outcome.blocked:
        if b.waits_for is None or b.waits_for not in boxes:
            continue
        one, two = boxes[b.thread], boxes[b.waits_for]
        if one is two:  # a loop on its right
            x, y = one.x + one.w, one.y
            parts.append(f'<path class="edge" d="M {x:.1f} {y - 4:.1f} c 22 -16 22 16 4 '
                         f'8"></path>{_head(x + 2, y + 4, math.pi * 0.9)}')
            continue
        sx, sy = one.edge(two.x, two.y)
        ex, ey = two.edge(one.x, one.y)
        dx, dy = ex - sx, ey - sy
        d = math.hypot(dx, dy) or 1
        # Bent to the right of the direction of travel, so that opposite arrows part.
        mx, my = (sx + ex) / 2 - dy / d * 9, (sy + ey) / 2 + dx / d * 9
        parts.append(f'<path class="edge" d="M {sx:.1f} {sy:.1f} Q {mx:.1f} {my:.1f} '
                     f'{ex:.1f} {ey:.1f}"></path>'
                     f'{_head(ex, ey, math.atan2(ey - my, ex - mx))}')
    for box in boxes.values():
        parts.append(f'<rect x="{box.x - box.w:.1f}" y="{box.y - box.h:.1f}" '
                     f'width="{2 * box.w:.1f}" height="{2 * box.h}" rx="3"></rect>'
                     f'<text x="{box.x:.1f}" y="{box.y:.1f}">{escape(box.label)}</text>')
    return Markup(
        f'<svg class="thumb graph" viewBox="0 0 {WIDTH} {GRAPH_HEIGHT}" width="{WIDTH}" '
        f'height="{GRAPH_HEIGHT}" role="img" aria-label="{escape(words)}">'
        f'<title>{escape(words)}</title>{"".join(parts)}</svg>')


class _Box(NamedTuple):
    """A thread's name in a box: centre (x, y), half width w and half height h."""

    label: str
    x: float
    y: float
    w: float
    h: float

    def edge(self, x: float, y: float) -> tuple[float, float]:
        """Where the line from the centre towards (x, y) leaves the box."""
        dx, dy = x - self.x, y - self.y
        scale = min(self.w / abs(dx) if dx else math.inf, self.h / abs(dy) if dy else math.inf)
        return self.x + dx * scale, self.y + dy * scale


def _head(x: float, y: float, angle: float) -> str:
    """An arrowhead at (x, y) pointing along `angle`."""
    points = [(x, y)] + [(x - 7 * math.cos(angle + s), y - 7 * math.sin(angle + s))
                         for s in (0.45, -0.45)]
    return ('<path class="head" d="M ' + " L ".join(f"{px:.1f} {py:.1f}" for px, py in points)
            + ' z"></path>')


@lru_cache(maxsize=128)
def _drawn(source: str, policy: str, title: str) -> Markup:
    result = run(compile_program(source), make_policy(policy), max_steps=STEPS, record=False)
    runs = decode_runs(result.schedule)
    total = sum(n for _, n in runs) or 1
    threads = max((tid for tid, _ in runs), default=0) + 1
    height = threads * (ROW + GAP) - GAP
    scale = (WIDTH - END) / total
    bars, x = [], 0.0
    for tid, n in runs:
        y = tid * (ROW + GAP)
        bars.append(f'<rect class="t{tid % 8}" x="{x:.1f}" y="{y}" '
                    f'width="{max(n * scale, 0.8):.1f}" height="{ROW}"></rect>')
        x += n * scale
    kind = result.outcome.kind
    ending = {DONE: "finished", DEADLOCK: "deadlock"}.get(kind, "stopped")
    if result.outcome.errors:
        ending = "crashed"
    ended = "ok" if ending == "finished" else "bad"
    if kind not in (DONE, DEADLOCK) and not result.outcome.errors:
        ended = "more"  # cut at STEPS: the run goes on
    words = (f"The {POLICY_WORDS.get(policy, policy)} run of {title}: {threads} threads, "
             f"{total:,} steps{'' if ended == 'more' else ', ' + ending}")
    return Markup(
        f'<svg class="thumb" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'role="img" aria-label="{escape(words)}"><title>{escape(words)}</title>'
        + "".join(bars)
        + f'<rect class="end {ended}" x="{WIDTH - END + 4}" y="0" width="{END - 4}" '
          f'height="{height}" rx="2"></rect></svg>')


