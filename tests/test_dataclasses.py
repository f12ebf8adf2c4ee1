"""stdlib/dataclasses.py: the module's functions on a program's dataclasses (`field`,
`fields`, `asdict`, `astuple`, `replace`, `FrozenInstanceError`), against CPython 3.13 (the
`cpython_worker` fixture). How a dataclass compares, orders and hashes is records.py's, tested
in tests/test_records.py."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.support.running import as_cpython_worker

Answer = Callable[[str], dict[str, Any]]

PRELUDE = """\
import dataclasses
from dataclasses import dataclass, field
@dataclass
class Point:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)
    note: str = field(default='', repr=False, compare=False)
@dataclass(frozen=True)
class Frozen:
    a: int
    b: tuple = ()
@dataclass
class Line:
    start: Point
    end: Point
    points: list = field(default_factory=list)
class Plain:
    pass
"""

PROGRAMS = [
    "print([f.name for f in dataclasses.fields(Point)], "
    "[f.name for f in dataclasses.fields(Point(1))])",
    "p = Point(1, 2, ['t'], 'n')\nprint(p, dataclasses.asdict(p), dataclasses.astuple(p))",
    "l = Line(Point(1), Point(2, 3), [Point(4)])\nd = dataclasses.asdict(l)\nprint(d)\n"
    "print(dataclasses.astuple(l))\nd['start']['x'] = 99\nprint(l.start.x)",
    "p = Point(1, tags=['a'])\nq = dataclasses.replace(p, y=5)\nprint(q, q.tags is p.tags, p)",
    "print(dataclasses.replace(Frozen(1), b=(2,)))",
    "dataclasses.replace(Point(1), z=3)",
    "f = Frozen(1)\nf.a = 2",
    "f = Frozen(1)\ndel f.a",
    "print(isinstance(dataclasses.FrozenInstanceError(), AttributeError))",
    "dataclasses.fields(Plain)",
    "dataclasses.fields(5)",
    "dataclasses.asdict(Plain())",
    "dataclasses.astuple(3)",
    "print(Point(1) == Point(1, note='other'), Point(1, [2]) == Point(1, [2]))",
    "Point()",
    "print(Point(1).tags is not Point(1).tags)",
    "@dataclass\nclass Bad:\n    a: int = 0\n    b: int",
    "@dataclass\nclass Bad:\n    a: list = []",
    "@dataclass\nclass Bad:\n    a: dict = field(default={})",
    "@dataclass\nclass Bad:\n    b: int\n    a: set = {1}",
    # A dataclass's plain subclass inherits its __init__, repr, == and frozenness.
    "class Sub(Point):\n    def norm(self):\n        return self.x + self.y\nclass Deeper(Sub):\n"
    "    pass\ns = Sub(1, 2)\nprint(s, s.norm(), Deeper(3), Sub(1) == Sub(1), Sub(1) == Point(1))\n"
    "print(dataclasses.is_dataclass(Sub), dataclasses.is_dataclass(s), "
    "dataclasses.is_dataclass(Plain), dataclasses.asdict(Deeper(5)))",
    "class Cold(Frozen):\n    def __repr__(self):\n        return 'Cold!'\nc = Cold(1)\n"
    "print(c, hash(c) == hash(Cold(1)), Cold(1) == Cold(1))\nc.a = 2",
    "class Sub(Point):\n    pass\n@dataclass\nclass Again(Sub):\n    z: int = 0\n"
    "print(Again(1, 2, z=3), [f.name for f in dataclasses.fields(Again)])",
    # super().__init__ reaches the __init__ @dataclass wrote for a base.
    "class Timed(Point):\n    def __init__(self, x, delay):\n"
    "        super().__init__(x, y=delay * 2)\n        self.delay = delay\n"
    "class Deeper(Timed):\n    pass\nprint(Timed(1, 3), Timed(1, 3).delay, Deeper(2, 1))\n"
    "class Bad(Point):\n    def __init__(self):\n        super().__init__()\nBad()",
]


@pytest.mark.parametrize("program", PROGRAMS)
def test_the_dataclasses_module_answers_as_in_cpython(cpython_worker: Answer, program):
    source = PRELUDE + "try:\n" + "".join(f"    {line}\n" for line in program.splitlines()) + (
        "except Exception as e:\n    print(type(e).__name__, e)\n")
    assert as_cpython_worker(source) == cpython_worker(source)


KEYWORDS = """\
from dataclasses import dataclass, field, KW_ONLY, InitVar, asdict, astuple, fields
@dataclass(kw_only=True)
class Q:
    a: int = 0
    b: str
@dataclass
class R:
    name: str
    _: KW_ONLY
    debug: bool = False
    tags: list = field(default_factory=list)
@dataclass
class S:
    total: int = 0
    scale: InitVar[int] = 1
    note: str = field(default="", kw_only=True)
    def __post_init__(self, scale):
        self.total *= scale
"""


@pytest.mark.parametrize("program", [
    "print(Q(b='x'), R('r', debug=True), S(5, 3), S(2, note='n'), S.scale)",
    "print(asdict(S(1, 4)), astuple(S(2)), [f.name for f in fields(S)], S(1) == S(1, 9))",
    "Q(1, b='x')", "Q()", "R()", "R('a', True)", "S(1, 2, 'n')",
    "match R('x', debug=True):\n    case R(n):\n        print('matched', n)",
    "match S(3, 2):\n    case S(t, s):\n        print(t, s)",
])
def test_keyword_only_fields_and_init_vars_answer_as_cpython(cpython_worker: Answer, program):
    source = KEYWORDS + "try:\n" + "".join(f"    {line}\n" for line in program.splitlines()) + (
        "except Exception as e:\n    print(type(e).__name__, e)\n")
    assert as_cpython_worker(source) == cpython_worker(source)
