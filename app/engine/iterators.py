"""Iterators as plain, copyable state (the explorer snapshots and hashes them).

Iterating a list or dict reads it, so each next item is a step (`shared`); a range, tuple or
string cannot change and is iterated locally.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from .values import fail, represent

if TYPE_CHECKING:
    from .machine import Machine, Thread


class SeqIter:
    """Over a list (live: sees appends, like CPython's list iterator), tuple, str or range."""

    __slots__ = ("seq", "i", "shared")

    def __init__(self, seq: Any, shared: bool) -> None:
        self.seq = seq
        self.i = 0
        self.shared = shared

    def next(self) -> tuple[bool, Any]:
        i = self.i
        if i < len(self.seq):
            self.i = i + 1
            return True, self.seq[i]
        self.i = len(self.seq) + 1 if self.shared else self.i
        return False, None

    def describe(self) -> str:
        return represent(self.seq)


class WaitingIter:
    """An iterator whose next item may not be there yet (what `Executor.map` and
    `as_completed` return): FOR_ITER asks `why` it cannot take it now (None: it can), and
    `take` takes it, a step (the futures it waits for are shared)."""

    __slots__ = ()
    shared = True

    def why(self, m: Machine, th: Thread) -> str | None:
        raise NotImplementedError

    def take(self, m: Machine | None, th: Thread | None) -> tuple[bool, Any]:
        raise NotImplementedError

    def describe(self) -> str:
        raise NotImplementedError

    def why_all(self) -> str | None:
        """Why a built-in cannot take every item now (`list(executor.map(…))`), or None."""
        raise NotImplementedError

    def __iter__(self) -> Iterator[Any]:
        """Every item, for a built-in that walks it, once `why_all` says it can."""
        while True:
            has, value = self.take(None, None)
            if not has:
                return
            yield value


def make_iter(value: Any) -> SeqIter | WaitingIter:
    if isinstance(value, list):
        return SeqIter(value, True)
    if isinstance(value, dict):
        return SeqIter(list(value), True)
    if isinstance(value, range | tuple | str):
        return SeqIter(value, False)
    if isinstance(value, SeqIter | WaitingIter):
        return value
    raise fail("TypeError", f"'{type(value).__name__}' object is not iterable")
