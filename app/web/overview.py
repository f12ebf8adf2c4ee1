"""The overview of a long run: per thread, a band of columns over the whole run and one over
the stretch around the step shown, each column its share of the steps and the updates lost
in it. The timeline's cells show only the last steps; this is how a million steps fit on a
page, and how a learner gets to step 900,000 in a click.
"""

from __future__ import annotations

from dataclasses import dataclass

from .plan import Plan
from .timeline import BUCKET, TIMELINE_WINDOW, Marks

#: Columns in a band.
COLUMNS = 120
#: The stretch around the step shown: this share of the run (at least a column a step).
NEAR = 20


@dataclass(frozen=True)
class Column:
    start: int  # its first step (counted from 0)
    end: int
    #: Per thread (by id), its share of the column's steps, 0 to 1.
    shares: tuple[float, ...]
    lost: int  # lost updates in it (by buckets of BUCKET steps: a column holds whole ones)
    current: bool  # the step shown is in it


@dataclass(frozen=True)
class Band:
    label: str
    start: int
    end: int
    columns: tuple[Column, ...]


def overview(plan: Plan, marks: Marks, at: int, total: int) -> tuple[Band, ...]:
    """The bands for a run of `total` steps shown at step `at`, or none when the timeline's
    cells show the whole run."""
    if total <= TIMELINE_WINDOW:
        return ()
    threads = max(plan.run_tids, default=0) + 1
    bands = [_band("the whole run", plan, marks, 0, total, at, threads)]
    span = max(COLUMNS, total // NEAR)
    if span * 2 < total:
        start = max(0, min(at - span // 2, total - span))
        bands.append(_band("around this step", plan, marks, start, start + span, at, threads))
    return tuple(bands)


def _band(label: str, plan: Plan, marks: Marks, start: int, end: int, at: int,
          threads: int) -> Band:
    width = max(1, -(-(end - start) // COLUMNS))  # steps a column, rounded up
    count = -(-(end - start) // width)
    steps = [[0] * threads for _ in range(count)]
    for tid, first, stop in plan.runs(start, end):
        while first < stop:
            i = (first - start) // width
            upto = min(stop, start + (i + 1) * width)
            steps[i][tid] += upto - first
            first = upto
    lost = [0] * count
    for bucket, n in marks.buckets.items():
        step = bucket * BUCKET
        if start <= step + BUCKET - 1 and step < end:
            lost[max(0, step - start) // width] += n
    columns = []
    for i, counts in enumerate(steps):
        first = start + i * width
        last = min(end, first + width)
        taken = sum(counts) or 1
        columns.append(Column(first, last, tuple(n / taken for n in counts), lost[i],
                              first <= max(0, at - 1) < last))
    return Band(label, start, end, tuple(columns))
