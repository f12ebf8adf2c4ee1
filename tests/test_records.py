"""`records`: what `@dataclass` gives a class (fields, `__init__`, `__post_init__`, `==`,
ordering, hashing, `frozen`), against CPython (the oracle, the `cpython_worker` fixture)."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from typing import Any

import pytest

from tests.support.running import as_cpython_worker

HEADER = """
from dataclasses import dataclass, field
@dataclass
class Point:
    x: int
    y: int = 0
@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    note: str = field(default="", compare=False)
@dataclass(frozen=True)
class Frozen:
    name: str
    tags: list = field(default_factory=list)
@dataclass
class Point3(Point):
    z: int = 0
    def __post_init__(self):
        self.total = self.x + self.y + self.z
"""

CASES = [
    "print(Point(1), Point(1, 2) == Point(1, 2), Point(1) == Point(2))",
    "print(Point(y=3, x=1), Point(1) == (1, 0))",
    "print(Version(1, 2) < Version(1, 3), Version(2) > Version(1, 9), "
    "Version(1, note='a') == Version(1, note='b'))",
    "print(sorted([Version(2), Version(1, 5), Version(1)]))",
    "print(Frozen('a'), Frozen('a') == Frozen('a'), Frozen('a').tags is Frozen('a').tags)",
    "print(hash(Frozen('a', ())) == hash(Frozen('a', ())))",
    "print(Point.__hash__)",
    "p = Point3(1, 2, 3)\nprint(p, p.total)",
    "Frozen('a').name = 'b'",
    "Point()",
    "Point(1, 2, 3)",
    "Point(1, x=2)",
    "Version(1) < Point(1)",
    "hash(Point(1))",
    "@dataclass\nclass Bad:\n    a: int = 0\n    b: int\n",
]


@pytest.mark.parametrize("case", CASES)
def test_a_dataclass_behaves_as_in_cpython(
        cpython_worker: Callable[[str], dict[str, Any]], case: str) -> None:
    source = textwrap.dedent(HEADER) + case + "\n"
    assert as_cpython_worker(source) == cpython_worker(source)
