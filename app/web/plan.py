"""A schedule's text resolved against its program: which thread takes each step, and the text
of any start of it.

A schedule may leave steps to a policy (`~cpython`, app/engine/schedule.py): only a run tells
which threads those are. The page needs them (the timeline, the Step buttons, going back to
step 900,000 of a million-step run), so the run that resolves a text is done once and its
threads kept compactly, as runs in two arrays, not as a tuple of a million ids.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from functools import cached_property
from itertools import accumulate

from ..engine.errors import ScheduleError
from ..engine.schedule import Turn, encode_runs, thread_letter, turns


class Plan:
    """`text`'s steps: its turns (a policy's turn with the count its run took) and the thread
    of each step as runs. When its policy's run stops early: `stopped`, the budget its next
    step blows, or `limit`, the page's own limit it reached (in words)."""

    def __init__(self, text: str, head: Sequence[Turn], runs: Sequence[tuple[int, int]],
                 stopped: str = "", limit: str = "", open_ended: bool = False,
                 interrupted: bool = False) -> None:
        self.text, self.turns, self.stopped, self.limit = text, tuple(head), stopped, limit
        #: Whether the text ends in a policy's turn that runs to the end.
        self.open_ended = open_ended
        #: Whether a deadline cut the policy's run short: the plan holds only the part run so
        #: far, and the same text asked again goes on with the run (replay.py).
        self.interrupted = interrupted
        self.turn_ends = tuple(accumulate(n or 0 for _, n in head))
        self.run_tids = array("l", (t for t, _ in runs))
        self.run_ends = array("q", accumulate(n for _, n in runs))

    @property
    def total(self) -> int:
        return self.run_ends[-1] if self.run_ends else 0

    def tid(self, i: int) -> int:
        """The thread that takes step `i` (counted from 0)."""
        return self.run_tids[bisect_right(self.run_ends, i)]

    def policy_at(self, i: int) -> str | None:
        """The policy that chose step `i`, if a policy's turn did."""
        who = self.turns[bisect_right(self.turn_ends, i)][0]
        return who if isinstance(who, str) else None

    def runs(self, start: int, stop: int) -> Iterator[tuple[int, int, int]]:
        """(thread, first step, end) of each run overlapping steps [start, stop)."""
        ends, tids = self.run_ends, self.run_tids
        i = bisect_right(ends, start)
        while i < len(ends) and (first := ends[i - 1] if i else 0) < stop:
            yield tids[i], max(first, start), min(ends[i], stop)
            i += 1

    @cached_property
    def _texts(self) -> tuple[str, ...]:
        return tuple(encode_runs([turn]) for turn in self.turns)

    def cut(self, steps: int) -> str:
        """The text of the first `steps` steps: a policy's turn cut short keeps its name."""
        i, done = self._turn_at(steps)
        rest = encode_runs([(self.turns[i][0], steps - done)]) if steps > done else ""
        return "".join(self._texts[:i]) + rest

    def then(self, steps: int, tid: int) -> str:
        """The text of the first `steps` steps and one more by thread `tid`: the whole text
        when it takes that step already (a learner going the same way keeps what is ahead)."""
        if steps < self.total and self.tid(steps) == tid:
            return self.text
        i, done = self._turn_at(steps)
        if steps > done:  # inside turn i: cut it there
            last: Turn = (self.turns[i][0], steps - done)
        elif i:  # at the end of turn i - 1
            i -= 1
            last = self.turns[i]
        else:
            return thread_letter(tid)
        return "".join(self._texts[:i]) + encode_runs([last, (tid, 1)])

    def going_on(self, steps: int, policy: str, more: int | None) -> str:
        """The text of the first `steps` steps, then `more` steps of `policy` (None: to the
        end): the same turn made longer when it ends in one of that policy's turns, so that
        its run goes on as it was going rather than starting afresh."""
        i, done = self._turn_at(steps)
        if steps > done:  # inside turn i: it ends there
            i, done = i + 1, steps
        if i and self.turns[i - 1][0] == policy:
            count = self.turns[i - 1][1] or 0
            taken = count - (self.turn_ends[i - 1] - done) if done < self.turn_ends[i - 1] else (
                count)
            turn = (policy, None if more is None else taken + more)
            return "".join(self._texts[:i - 1]) + encode_runs([turn])
        return self.cut(steps) + encode_runs([(policy, more)])

    def _turn_at(self, steps: int) -> tuple[int, int]:
        """The turn step `steps` falls in (the turns before it end by then), and the steps
        those turns take."""
        i = bisect_right(self.turn_ends, steps)
        return i, self.turn_ends[i - 1] if i else 0


def explicit(text: str, limit: int) -> Plan | None:
    """The plan of a text that names every thread itself (None if it leaves steps to a
    policy: a run must resolve it, `resolved`)."""
    given = turns(text)
    if (steps := sum(n or 0 for _, n in given)) > limit:  # counted before anything runs
        raise ScheduleError(f"the schedule has {steps:,} steps, over the limit of {limit:,} "
                            f"steps the page shows: use `interleave run --summary` for longer "
                            f"runs")
    if any(isinstance(who, str) for who, _ in given):
        return None
    return Plan(text, given, given)  # type: ignore[arg-type]
