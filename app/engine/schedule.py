"""The schedule's text form: compact, URL-safe, and the same in the CLI, the API and the URLs.

A schedule is the sequence of thread ids that took each step (0 is MainThread, then threads in
creation order). Its text is a run-length encoding: a thread letter (`a`–`z` for 0–25, `A`–`Z`
for 26–51, `_N_` for 52 and up) followed by a repeat count when the thread ran more than one
step in a row. `a3b2ab` is: MainThread ×3, thread 1 ×2, MainThread, thread 1. The empty
string is the empty schedule. Only unreserved URL characters are used, so the text goes into a
query string as is. FORMAT_VERSION is bumped if the form ever changes.
"""

from __future__ import annotations

import re
from itertools import groupby

from .errors import ScheduleError

FORMAT_VERSION = 1
MAX_LENGTH = 100_000
#: Steps `decode` expands unless its caller allows fewer (`a100000000` is 12 characters).
MAX_STEPS = 2_000_000
_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_TOKEN = re.compile(r"([a-zA-Z]|_(\d{1,4})_)(\d{0,9})")
_VALID = re.compile(r"(?:(?:[a-zA-Z]|_\d{1,4}_)\d{0,9})*")
_TID = {letter: tid for tid, letter in enumerate(_LETTERS)}


def thread_letter(tid: int) -> str:
    return _LETTERS[tid] if tid < len(_LETTERS) else f"_{tid}_"


def encode_runs(runs: list[tuple[int, int]]) -> str:
    """[(thread, count), …] → text. Adjacent runs of the same thread are merged."""
    merged: list[list[int]] = []
    for tid, count in runs:
        if count <= 0:
            continue
        if merged and merged[-1][0] == tid:
            merged[-1][1] += count
        else:
            merged.append([tid, count])
    return "".join(thread_letter(t) + (str(c) if c > 1 else "") for t, c in merged)


def encode(steps: list[int]) -> str:
    return "".join(thread_letter(t) + (str(n) if (n := len(list(run))) > 1 else "")
                   for t, run in groupby(steps))


def decode_runs(text: str, limit: int | None = None) -> list[tuple[int, int]]:
    """Text → [(thread, count), …]. Raises ScheduleError naming the bad position, or with
    `limit`, saying the steps add up to more than that."""
    if len(text) > MAX_LENGTH:
        raise ScheduleError(f"the schedule is over the limit of {MAX_LENGTH:,} characters")
    if _VALID.fullmatch(text) is None:
        raise ScheduleError(_where_bad(text))
    runs = [(int(big) if big else _TID[letter], int(count) if count else 1)
            for letter, big, count in _TOKEN.findall(text)]
    if any(n == 0 for _, n in runs):
        raise ScheduleError(_where_bad(text))
    if limit is not None and (steps := sum(n for _, n in runs)) > limit:
        raise ScheduleError(f"the schedule has {steps:,} steps, over the limit of {limit:,} "
                            f"steps")
    return runs


def _where_bad(text: str) -> str:
    pos = 0
    while (match := _TOKEN.match(text, pos)) is not None:
        if match.group(3) and int(match.group(3)) == 0:
            return f"bad schedule at character {pos + 1}: a repeat count of 0"
        pos = match.end()
    return (f"bad schedule at character {pos + 1} ({text[pos]!r}): expected a thread letter "
            f"a-z/A-Z (or _N_) optionally followed by a repeat count")


def decode(text: str, limit: int = MAX_STEPS) -> list[int]:
    """Text → the thread of each step; a ScheduleError, before anything is expanded, for a
    schedule of more than `limit` steps."""
    steps: list[int] = []
    for tid, n in decode_runs(text, limit):
        steps.extend([tid] * n)
    return steps


def length(text: str) -> int:
    return sum(n for _, n in decode_runs(text))
