"""stdlib/abcs.py: collections.abc's classes in `isinstance`, against CPython 3.13 (the
`cpython_worker` fixture)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from app.engine import CompileError, compile_program
from tests.support.running import as_cpython_worker

Answer = Callable[[str], dict[str, Any]]

PRELUDE = """\
from collections.abc import (Iterable, Iterator, Callable, Mapping, Sequence, Hashable, Sized,
                             Generator, MutableMapping, MutableSequence, Set, Container,
                             Collection, Reversible, KeysView)
from collections import deque, defaultdict, Counter, OrderedDict
import collections.abc
class Bag:
    def __len__(self): return 0
    def __iter__(self): return iter([])
class Eq:
    def __eq__(self, o): return True
class Gen:
    def __iter__(self): return self
    def __next__(self): raise StopIteration
class Box:
    def __contains__(self, x): return True
    def __call__(self): return 1
VALUES = [[1], (1,), "s", b"b", {1: 2}, {1}, frozenset(), range(2), deque(), defaultdict(int),
          Counter(), OrderedDict(), 5, 1.5, None, len, print, lambda: 1, Bag(), Eq(), Gen(),
          Box(), (x for x in []), map(str, []), iter([1]), {}.keys(), {}.values(), {}.items()]
"""


@pytest.mark.parametrize("name", [
    "Iterable", "Iterator", "Callable", "Mapping", "Sequence", "Hashable", "Sized", "Generator",
    "MutableMapping", "MutableSequence", "Set", "Container", "Collection", "Reversible",
    "KeysView"])
def test_isinstance_answers_as_cpython_for_every_kind_of_value(cpython_worker: Answer, name):
    source = PRELUDE + f"print({name}.__name__, [isinstance(v, {name}) for v in VALUES])\n"
    assert as_cpython_worker(source) == cpython_worker(source)


@pytest.mark.parametrize("program", [
    "def flatten(items):\n    for x in items:\n"
    "        if isinstance(x, Iterable) and not isinstance(x, (str, bytes)):\n"
    "            yield from flatten(x)\n        else:\n            yield x\n"
    "print(list(flatten([1, [2, (3, 'ab')], {4}, range(5, 7)])))",
    "print(isinstance({}, collections.abc.Mapping), Iterable, isinstance(3, (Iterable, int)))",
    "def apply(f: Callable[[int], int], xs: Iterable[int]) -> list[int]:\n"
    "    return [f(x) for x in xs]\nprint(apply(lambda v: v + 1, [1, 2]))",
])
def test_a_program_using_them_prints_what_cpython_prints(cpython_worker: Answer, program):
    source = PRELUDE + program + "\n"
    assert as_cpython_worker(source) == cpython_worker(source)


def test_the_rarer_ones_stay_for_annotations_only():
    with pytest.raises(CompileError, match="can only be used in annotations"):
        compile_program("from collections.abc import Awaitable\nprint(Awaitable)\n")


NUMBERS = """\
import numbers
from numbers import Number, Real, Integral
from decimal import Decimal
from enum import IntEnum
class L(IntEnum):
    A = 1
VALUES = [1, True, 1.5, Decimal("1"), "1", None, [1], L.A]
"""


@pytest.mark.parametrize("name", ["numbers.Number", "numbers.Complex", "Real",
                                  "numbers.Rational", "Integral"])
def test_the_numeric_tower_answers_as_cpython(cpython_worker: Answer, name):
    source = NUMBERS + f"print({name}, [isinstance(v, {name}) for v in VALUES])\n"
    assert as_cpython_worker(source) == cpython_worker(source)
