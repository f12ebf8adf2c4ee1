"""Iterators as copyable state (the explorer snapshots and hashes them).

Iterating a list, dict or set reads it, so each next item is a step (`shared`); a range,
tuple, string or frozenset cannot change and is iterated locally.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from .values import fail, represent

if TYPE_CHECKING:
    from .machine import Machine, Thread


class SeqIter:
    """Over a list (live: sees appends, like CPython's list iterator), tuple, str or range."""

    __slots__ = ("seq", "i", "shared")
    #: Whether it may never end (`itertools.count()`): a built-in then draws only the items it
    #: needs from it (generators.Drawn), never all of them.
    endless = False

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

    @property
    def type_name(self) -> str:
        return ITERATOR_NAMES.get(type(self.seq), "iterator")


#: The builtin values a program may iterate (`*args`, unpacking).
ITERABLES = (list, tuple, str, dict, range, set, frozenset, deque)


class LazyIter(SeqIter):
    """An iterator the program holds: `iter(xs)`, `reversed(xs)`, `heapq.merge(...)`. `kind`
    is its type's name."""

    __slots__ = ("kind",)

    def __init__(self, seq: Any, shared: bool, kind: str) -> None:
        super().__init__(seq, shared)
        self.kind = kind

    @property
    def type_name(self) -> str:
        return self.kind

    def next(self) -> tuple[bool, Any]:
        if self.kind != _REVERSE_LIST:
            return super().next()
        i = self.i  # the index it gives next, counting down; gone past the list's end: done
        if 0 <= i < len(self.seq):
            self.i = i - 1
            return True, self.seq[i]
        self.i = -1
        return False, None

    def __iter__(self) -> LazyIter:  # `x in it` takes items until it finds x, as in CPython
        return self

    def __next__(self) -> Any:
        has, value = self.next()
        if not has:
            raise StopIteration
        return value

    def __repr__(self) -> str:
        if self.kind == "generator":
            return "<generator object <genexpr>>"
        return f"<{self.kind} object>"


_REVERSE_LIST = "list_reverseiterator"


def reversed_list(seq: list[Any]) -> LazyIter:
    """`reversed(a_list)`: from its last index down, reading the list live."""
    it = LazyIter(seq, False, _REVERSE_LIST)
    it.i = len(seq) - 1
    return it


#: The name of the iterator `iter()` makes of each type.
ITERATOR_NAMES: dict[type, str] = {
    list: "list_iterator", tuple: "tuple_iterator", str: "str_ascii_iterator",
    range: "range_iterator", bytes: "bytes_iterator", bytearray: "bytearray_iterator",
    dict: "dict_keyiterator", set: "set_iterator",
    frozenset: "set_iterator", deque: "_collections._deque_iterator"}


class DequeIter(SeqIter):
    """Over a `collections.deque`, a dict or a set, which CPython's iterator refuses to go on
    with once the container changed size under it. A deque is iterated live (CPython's
    message says "mutated", for any change; here, once its size changed); a dict's keys or
    a set's items as they were when the loop began (a change that keeps the size is not
    seen)."""

    __slots__ = ("container", "size")

    def __init__(self, container: deque[Any] | dict[Any, Any] | set[Any]) -> None:
        super().__init__(container if isinstance(container, deque) else list(container), True)
        self.container = container
        self.size = len(container)

    @property
    def type_name(self) -> str:
        return ITERATOR_NAMES.get(type(self.container), "iterator")

    def next(self) -> tuple[bool, Any]:
        if len(self.container) != self.size:
            raise fail("RuntimeError", _changed(self.container))
        return super().next()


def _changed(container: Any) -> str:
    if isinstance(container, deque):
        return "deque mutated during iteration"
    if isinstance(container, dict):
        return "dictionary changed size during iteration"
    return "Set changed size during iteration"


class WaitingIter:
    """An iterator whose next item may not be there yet (what `Executor.map` and
    `as_completed` return): FOR_ITER asks `why` it cannot take it now (None: it can), and
    `take` takes it, a step (the futures it waits for are shared)."""

    __slots__ = ()
    shared = True
    #: In CPython both are generators: `<generator object as_completed at 0x…>`.
    type_name = "generator"
    #: The generator function's qualified name.
    qualname = ""
    #: Whether a built-in walks it by `take(m, th)` (it calls the program's code), rather
    #: than by iterating it.
    called = False

    def __repr__(self) -> str:
        return f"<generator object {self.qualname}>"

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
