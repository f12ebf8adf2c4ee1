"""Where a thread's uncaught exception was raised, for the page to mark that line.

The line that raised may be a local one run after the step's own (`x = n / 0` after a
print), so the replay watches the machine's unwinding
(`watching`): the innermost frame when an exception starts unwinding is the line CPython's
traceback ends with. A watched machine is the replay's own, and plain again once it is kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from ..engine import Machine, ThreadInfo, place_of


class Crash(NamedTuple):
    """The line whose exception ended thread `tid` at step `step` (-1: before the first),
    and the lines of the function it is in."""

    tid: int
    line: int
    first_line: int
    last_line: int
    step: int = -1


def watching(m: Machine, raised: dict[int, Crash]) -> Any:
    """`m.unwind`, noting in `raised` where each thread's latest exception was raised."""
    def unwind(th: Any, exc: Any, ins: Any = None) -> None:
        place = place_of(th)
        if place is not None:
            raised[th.tid] = Crash(th.tid, place.line, place.first_line,
                                   place.last_line or place.first_line)
        Machine.unwind(m, th, exc, ins)
    return unwind


def crashed(threads: Sequence[ThreadInfo], crashes: Sequence[Crash], at: int) -> str:
    """How step `at` ended its thread with an exception, in words ("" if it did not)."""
    for crash in crashes:
        if crash.step == at - 1:
            th = threads[crash.tid]
            where = f" at line {crash.line}" if crash.line else ""
            return f", and {th.name} crashed{where}: {th.error}"
    return ""
