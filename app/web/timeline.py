"""The timeline: a cell per step, marked as it is taken, and the rows of cells rendered once.

A learner's next page shows the same timeline one cell longer. So each replayed prefix keeps its
last steps' cells (`Marks`, taken on a step at a time along with the machine, app/web/replay.py),
and each cell's HTML is memoized by the cell and its link prefix: the page's largest part is a
join, not hundreds of template expressions over the whole run. Cells are rendered by the
`_timeline.html` macros, so the markup still lives in a template.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from ..engine import Step, ThreadInfo

#: Steps of the timeline shown before the current one.
TIMELINE_WINDOW = 120
#: Rendered cells kept per worker: a few hundred learners' timelines.
CACHED_CELLS = 20_000


# Compared by identity (eq=False): a cell is made once per step and shared by every later
# prefix, so the memo of its HTML hashes a pointer, not eight fields, per cell per page.
@dataclass(frozen=True, eq=False)
class Cell:
    step: int
    tid: int
    text: str
    kind: str
    title: str
    lost: bool = False
    current: bool = False
    #: Who handed this step what it got: the releaser of a lock, the notifier of a wait,
    #: and the step that did it (the timeline draws an arrow from there).
    handoff: str = ""
    handoff_step: int | None = None


def short(step: Step) -> str:
    """A timeline cell's text: `R counter=0`, `+1`, `W counter=1`, `acquire lock`…"""
    words = step.action.split()
    if step.kind in ("read", "write"):  # "read counter → 3", "write counter ← 4"
        return f"{step.kind[0].upper()} {step.variable}={' '.join(words[3:])}"
    if step.kind == "compute" and len(words) >= 3:
        return f"{words[1]}{words[2]}"
    text = re.sub(r" \(\w+\)", "", step.action.split(" → ")[0].split(":")[0])
    return text if len(text) <= 18 else text[:17] + "…"


#: A thread name's "(target)" suffix, left out where space is short.
_SUFFIX = re.compile(r" \(\w+\)$")
_THREAD_N = re.compile(r"Thread-(\d+)")


def short_name(name: str) -> str:
    """A thread's label where a lane's width is short (a phone): `Thread-1 (work)` is `T1`,
    `MainThread` is `Main`, a name of the program's own loses its "(target)" suffix."""
    bare = _SUFFIX.sub("", name)
    numbered = _THREAD_N.fullmatch(bare)
    if numbered:
        return f"T{numbered.group(1)}"
    return "Main" if bare == "MainThread" else bare


_RELEASE = re.compile(r"release (\S+?):?(?: |$)")
_ACQUIRE = re.compile(r"(?:wakes, )?acquire (\S+?):? .*(?:→ True|→ \d+)")
_NOTIFY = re.compile(r"notify(?:_all)? (\S+) → (.+)")
_WAKE = re.compile(r"wakes from wait on (\S+),")


#: Steps per bucket of a run's lost updates, counted for its overview.
BUCKET = 256


class Marks:
    """What a run's steps mark, taken on with the run: its lost updates (counted, and by
    bucket of BUCKET steps for the overview), who handed each step its lock or wake-up, and
    the cells of its last `keep` steps. A replay copies a kept prefix's marks, then adds."""

    __slots__ = ("cells", "lost", "buckets", "reads", "writes", "released", "notified")

    def __init__(self) -> None:
        self.cells: tuple[Cell, ...] = ()
        self.lost = 0
        self.buckets: dict[int, int] = {}
        #: (thread, variable) → the step of the thread's last read of it.
        self.reads: dict[tuple[int, str], int] = {}
        #: Variable → (step, thread) of its last write.
        self.writes: dict[str, tuple[int, int]] = {}
        #: Lock → (thread, step) of its last release; (condition, woken thread) → its notify.
        self.released: dict[str, tuple[str, int]] = {}
        self.notified: dict[tuple[str, str], tuple[str, int]] = {}

    def copy(self) -> Marks:
        new = Marks()
        new.cells, new.lost, new.buckets = self.cells, self.lost, dict(self.buckets)
        new.reads, new.writes = dict(self.reads), dict(self.writes)
        new.released, new.notified = dict(self.released), dict(self.notified)
        return new

    def noting(self) -> Callable[[int, int, str, str], bool]:
        """What marks step `index`, a read or write of `variable` by thread `tid`, and says
        whether it is a lost update: a write over a value its thread never read (another
        thread wrote the variable between this thread's read and this write). A closure: a
        long run calls it for most of a million steps."""
        reads, writes, buckets = self.reads, self.writes, self.buckets

        def note(index: int, tid: int, kind: str, variable: str) -> bool:
            if kind == "read":
                reads[(tid, variable)] = index
                return False
            read, other = reads.get((tid, variable)), writes.get(variable)
            writes[variable] = (index, tid)
            if read is None or other is None or other[1] == tid or other[0] < read:
                return False
            self.lost += 1
            bucket = index // BUCKET
            buckets[bucket] = buckets.get(bucket, 0) + 1
            return True
        return note

    def add(self, steps: Iterable[Step], keep: int) -> None:
        """Mark `steps` (the run's next ones) and keep the cells of the last `keep` steps."""
        cells = list(self.cells)
        released, notified, note = self.released, self.notified, self.noting()
        for s in steps:
            gone = s.kind in ("read", "write") and note(s.index, s.tid, s.kind, s.variable)
            giver: tuple[str, int] | None = None
            if s.kind == "sync":  # who handed this step its lock or its wake-up
                if (match := _RELEASE.match(s.action)) is not None:
                    released[match.group(1)] = (s.thread, s.index)
                elif (match := _NOTIFY.match(s.action)) is not None:
                    for name in match.group(2).split(", "):
                        notified[(match.group(1), name)] = (s.thread, s.index)
                elif (match := _WAKE.match(s.action)) is not None:
                    giver = notified.pop((match.group(1), s.thread), None)
                elif (match := _ACQUIRE.match(s.action)) is not None:
                    giver = released.pop(match.group(1), None)
                if giver is not None and giver[0] == s.thread:
                    giver = None
            title = f"step {s.index + 1}: {s.action}"
            if giver is None:
                cells.append(Cell(s.index, s.tid, short(s), s.kind, title, gone))
            else:
                cells.append(Cell(s.index, s.tid, short(s), s.kind, f"{title} (from {giver[0]})",
                                  gone, False, _SUFFIX.sub("", giver[0]), giver[1]))
        self.cells = tuple(cells[-keep:])


def lanes(threads: Sequence[ThreadInfo], marks: Marks, at: int
          ) -> list[tuple[str, list[Cell | int]]]:
    """Per thread, its cells in the window before step `at`; a run of other threads'
    steps is one gap (its length, drawn as one wide cell), which keeps a long timeline's page
    small."""
    start = max(0, at - TIMELINE_WINDOW)
    window = [c for c in marks.cells if start <= c.step < at]
    mine: dict[int, list[tuple[int, Cell]]] = {}
    for pos, cell in enumerate(window):
        if cell.step == at - 1:
            cell = replace(cell, current=True)
        mine.setdefault(cell.tid, []).append((pos, cell))
    rows = []
    for th in threads:
        cells: list[Cell | int] = []
        last = -1
        for pos, cell in mine.get(th.tid, ()):
            if pos > last + 1:
                cells.append(pos - last - 1)
            last = pos
            cells.append(cell)
        if last < len(window) - 1:
            cells.append(len(window) - 1 - last)
        rows.append((th.name, cells))
    return rows


class Timeline:
    def __init__(self, env: Environment) -> None:
        macros: Any = env.get_template("_timeline.html").module

        @lru_cache(maxsize=CACHED_CELLS)
        def cell(c: Cell | int, href: str) -> Markup:
            return Markup(macros.gap(c) if isinstance(c, int) else macros.cell(c, href))

        self._cell = cell

    def rows(self, lanes: list[tuple[str, list[Cell | int]]], href: str
             ) -> list[tuple[str, Markup]]:
        """(thread name, its row's cells as HTML) per lane; `href` + a step number is the
        link to that step."""
        # Every piece is already safe HTML: a plain join, marked safe once (Markup.join
        # would escape each piece again).
        return [(name, Markup("".join([self._cell(c, href) for c in cells])))
                for name, cells in lanes]
