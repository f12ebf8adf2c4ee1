"""A scenario's card picture: the timeline of its default policy's run, drawn small.

One row per thread, a bar wherever that thread ran, and the run's end marked (a finished run
in green, a deadlock or a crash in red). Drawn by the server as SVG, once per scenario and
worker: it depends only on the program and its policy, and a run of a few thousand steps
takes milliseconds.
"""

from __future__ import annotations

from functools import lru_cache

from markupsafe import Markup, escape

from .. import scenarios
from ..engine import DEADLOCK, DONE, compile_program, make_policy, run
from ..engine.schedule import decode_runs

#: Steps drawn: a long run (the lesson's 1.2-million-step counter) shows its start.
STEPS = 3_000
WIDTH = 200
ROW = 9
GAP = 3
#: Room on the right for the end's mark.
END = 12


def thumbnail(scenario: scenarios.Scenario) -> Markup:
    return _drawn(scenario.source, scenario.policy, scenario.title)


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
    words = (f"The {_POLICY.get(policy, policy)} run of {title}: {threads} threads, "
             f"{total:,} steps{'' if ended == 'more' else ', ' + ending}")
    return Markup(
        f'<svg class="thumb" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'role="img" aria-label="{escape(words)}"><title>{escape(words)}</title>'
        + "".join(bars)
        + f'<rect class="end {ended}" x="{WIDTH - END + 4}" y="0" width="{END - 4}" '
          f'height="{height}" rx="2"></rect></svg>')


_POLICY = {"rr": "round-robin", "cpython": "CPython-like", "random": "random"}
