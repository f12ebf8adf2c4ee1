"""The schedule's text form: compact, URL-safe, and the same in the CLI, the API and the URLs.

A schedule is the sequence of thread ids that took each step (0 is MainThread, then threads in
creation order). Its text is a run-length encoding: a thread letter (`a`–`z` for 0–25, `A`–`Z`
for 26–51, `_N_` for 52 and up) followed by a repeat count when the thread ran more than one
step in a row. `a3b2ab` is: MainThread ×3, thread 1 ×2, MainThread, thread 1. The empty
string is the empty schedule. Only unreserved URL characters are used, so the text goes into a
query string as is. FORMAT_VERSION is bumped if the form ever changes.

A turn may also leave steps to a policy: `~cpython900000` is the `cpython` policy's next
900,000 steps, and a last `~cpython` with no count runs to the end. A policy's parameter (its
quantum, interval or seed) follows a dot, and then a count a dash: `~rr.100` is round-robin
with 100 steps a turn, `~random.7-500` 500 steps of the random policy seeded with 7. The
policy starts afresh at its turn, as a run under it would, so the same text always names the
same steps; `~cpython900000c` (that run up to step 900,000, then thread 2) keeps any step of a
million-step run a short link. Only a run resolves such a turn into threads (`Explicit`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import groupby
from typing import Any

from .errors import ScheduleError

FORMAT_VERSION = 1
MAX_LENGTH = 100_000
#: Policy turns one schedule may have (each is a run of its own to resolve).
MAX_POLICY_TURNS = 64
#: Steps `decode` expands unless its caller allows fewer (`a100000000` is 12 characters).
MAX_STEPS = 2_000_000
_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_TOKEN = re.compile(r"([a-zA-Z]|_(\d{1,4})_|~([a-z]+(?:\.\d{1,9})?)-?)(\d{0,9})")
_VALID = re.compile(r"(?:(?:[a-zA-Z]|_\d{1,4}_|~[a-z]+(?:\.\d{1,9})?-?)\d{0,9})*")
_TID = {letter: tid for tid, letter in enumerate(_LETTERS)}


def thread_letter(tid: int) -> str:
    return _LETTERS[tid] if tid < len(_LETTERS) else f"_{tid}_"


#: A turn: a thread's id and its steps, or a policy's name and the steps it picks (None: until
#: the run ends).
Turn = tuple[int | str, int | None]


def encode_runs(runs: Sequence[Turn]) -> str:
    """[(thread or policy, count), …] → text. Adjacent runs of the same thread are merged
    (a policy's turns are not: each starts it afresh)."""
    merged: list[list[Any]] = []
    for who, count in runs:
        if count is not None and count <= 0:
            continue
        if merged and isinstance(who, int) and merged[-1][0] == who:
            merged[-1][1] += count
        else:
            merged.append([who, count])
    return "".join(_turn_text(who, count) for who, count in merged)


def _turn_text(who: int | str, count: int | None) -> str:
    if isinstance(who, str):  # `~rr500`, or with the policy's parameter, `~rr.100-500`
        return f"~{who}{'-' if count and '.' in who else ''}{count or ''}"
    return thread_letter(who) + (str(count) if count != 1 else "")


def encode(steps: list[int]) -> str:
    return "".join(thread_letter(t) + (str(n) if (n := len(list(run))) > 1 else "")
                   for t, run in groupby(steps))


def turns(text: str, limit: int | None = None) -> list[Turn]:
    """Text → [(thread or policy, count), …]. Raises ScheduleError naming the bad position,
    or with `limit`, saying the steps add up to more than that (a policy's open-ended last
    turn counts for none: the run that follows it stops at its own limit)."""
    if len(text) > MAX_LENGTH:
        raise ScheduleError(f"the schedule is over the limit of {MAX_LENGTH:,} characters")
    if _VALID.fullmatch(text) is None:
        raise ScheduleError(_where_bad(text))
    found: list[Turn] = []
    for letter, big, policy, count in _TOKEN.findall(text):
        if found and found[-1][1] is None:
            raise ScheduleError(f"bad schedule: `~{found[-1][0]}` with no count runs to the "
                                f"end, so nothing can follow it")
        if policy:
            found.append((policy, int(count) if count else None))
        else:
            found.append((int(big) if big else _TID[letter], int(count) if count else 1))
    if any(n == 0 for _, n in found):
        raise ScheduleError(_where_bad(text))
    if sum(isinstance(who, str) for who, _ in found) > MAX_POLICY_TURNS:
        raise ScheduleError(f"the schedule leaves steps to a policy more than "
                            f"{MAX_POLICY_TURNS} times")
    if limit is not None and (steps := sum(n or 0 for _, n in found)) > limit:
        raise ScheduleError(f"the schedule has {steps:,} steps, over the limit of {limit:,} "
                            f"steps")
    return found


def decode_runs(text: str, limit: int | None = None) -> list[tuple[int, int]]:
    """Text → [(thread, count), …], for a schedule that names every thread (ScheduleError
    if it leaves steps to a policy)."""
    found = turns(text, limit)
    for who, _ in found:
        if isinstance(who, str):
            raise ScheduleError(f"this schedule leaves steps to the {who} policy (`~{who}`): "
                                f"run it first (`interleave run --schedule`) and use the "
                                f"schedule that run prints")
    return found  # type: ignore[return-value]


def runs_of(text: str) -> list[tuple[int, int]]:
    """The (thread, count) runs of a schedule a run wrote: no length check, since a run may
    take more turns than a link may hold."""
    return [(int(big) if big else _TID[letter], int(count) if count else 1)
            for letter, big, _, count in _TOKEN.findall(text)]


def _where_bad(text: str) -> str:
    pos = 0
    while (match := _TOKEN.match(text, pos)) is not None:
        if match.group(4) and int(match.group(4)) == 0:
            return f"bad schedule at character {pos + 1}: a repeat count of 0"
        pos = match.end()
    return (f"bad schedule at character {pos + 1} ({text[pos]!r}): expected a thread letter "
            f"a-z/A-Z (or _N_, or ~ and a policy's name) optionally followed by a count")


def decode(text: str, limit: int = MAX_STEPS) -> list[int]:
    """Text → the thread of each step; a ScheduleError, before anything is expanded, for a
    schedule of more than `limit` steps."""
    steps: list[int] = []
    for tid, n in decode_runs(text, limit):
        steps.extend([tid] * n)
    return steps


def length(text: str) -> int:
    """The steps the text names (an open-ended policy turn counts for none)."""
    return sum(n or 0 for _, n in turns(text))


def open_ended(text: str) -> bool:
    """Whether the text ends in a policy's turn that runs to the end."""
    found = turns(text)
    return bool(found) and found[-1][1] is None
