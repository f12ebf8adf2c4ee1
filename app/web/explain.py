"""Sentences that say why, for the simulator's register and status line: where the value a
thread holds came from, who wrote the variable since, and which update a write just lost.

All of it is read off the steps in words (their thread, kind and variable), the same facts
the timeline marks: a write is a lost update when another thread wrote the variable after this
thread read it (app/web/timeline.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..engine import Step


@dataclass(frozen=True)
class Register:
    """A thread's last read (what its register holds), and the write that made it stale."""

    read: Step | None
    overwritten_by: Step | None  # another thread's write of the variable after the read


def register(tid: int, steps: Sequence[Step]) -> Register:
    """From the run's last steps in words (a long run keeps only its last few hundred)."""
    read = next((s for s in reversed(steps) if s.tid == tid and s.kind == "read"), None)
    if read is None:
        return Register(None, None)
    since = next((s for s in reversed(steps) if s.index > read.index and s.kind == "write"
                  and s.tid != tid and s.variable == read.variable), None)
    return Register(read, since)


def lost_update(steps: Sequence[Step]) -> str:
    """The sentence for a last step that is a lost update ("" when it is not one)."""
    if not steps or steps[-1].kind != "write":
        return ""
    write = steps[-1]
    reg = register(write.tid, steps[:-1])
    if reg.read is None or reg.overwritten_by is None or reg.read.variable != write.variable:
        return ""
    other, name = reg.overwritten_by, write.variable
    return (f"Lost update: {write.thread} read {name} at step {reg.read.index + 1}, then "
            f"{other.thread} wrote {name} at step {other.index + 1} "
            f"({other.action.removeprefix('write ')}), and this write replaces that value "
            f"with one computed from the old read, so {other.thread}'s update is lost.")
