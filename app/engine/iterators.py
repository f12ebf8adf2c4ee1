"""Iterators as plain, copyable state (the explorer snapshots and hashes them).

Iterating a list or dict reads it, so each next item is a step (`shared`); a range, tuple or
string cannot change and is iterated locally.
"""

from __future__ import annotations

from collections import deque
from typing import Any

from .values import fail, represent


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


class DequeIter(SeqIter):
    """Over a `collections.deque`, which CPython's iterator refuses to go on with once the
    deque changed under it ("deque mutated during iteration"); here, once its size did."""

    __slots__ = ("size",)

    def __init__(self, seq: Any) -> None:
        super().__init__(seq, True)
        self.size = len(seq)

    def next(self) -> tuple[bool, Any]:
        if len(self.seq) != self.size:
            raise fail("RuntimeError", "deque mutated during iteration")
        return super().next()


def make_iter(value: Any) -> SeqIter:
    if isinstance(value, list):
        return SeqIter(value, True)
    if isinstance(value, deque):
        return DequeIter(value)
    if isinstance(value, dict):
        return SeqIter(list(value), True)
    if isinstance(value, range | tuple | str):
        return SeqIter(value, False)
    if isinstance(value, SeqIter):
        return value
    raise fail("TypeError", f"'{type(value).__name__}' object is not iterable")
