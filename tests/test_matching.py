"""matching.py: `match` statements with random patterns on random subjects, against CPython
3.13 (the `cpython_worker` fixture): the same case taken, the same names bound, the same
TypeError for a class pattern CPython refuses."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.support.running import as_cpython_worker

Answer = Callable[[str], dict[str, Any]]

PRELUDE = """\
import collections
from dataclasses import dataclass
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"
@dataclass
class D:
    a: object
    b: object = 0
class Plain:
    pass
"""

SUBJECTS = ["0", "1", "2", "True", "False", "None", "'a'", "'ab'", "1.0", "[]", "[1]", "[1, 2]",
            "[1, 2, 3]", "(1, 'a')", "(0,)", "[[1, 2], 'a']", "range(3)", "collections.deque([1])",
            "{'k': 1}", "{'k': [1, 2], 'j': 'a'}", "{'j': 0}", "{}", "Point(1, 2)",
            "Point([1], 'a')", "D(1)", "D('a', [2])", "Plain()", "{1, 2}"]

_LITERALS = ["0", "1", "'a'", "None", "True", "False", "1.0", "-1", "'ab'"]


@st.composite
def patterns(draw: st.DrawFn, depth: int = 0, names: list[str] | None = None,
             capture: bool = True) -> str:
    """A pattern's source; the names it captures are appended to `names`. A case's own
    pattern, or an or-pattern's alternative, is never irrefutable (CPython refuses a case
    after one: test_an_irrefutable_case_must_be_the_last)."""
    names = [] if names is None else names

    def name() -> str:
        names.append(f"n{len(names)}")
        return names[-1]

    def sub(can_capture: bool = capture) -> str:
        return draw(patterns(depth + 1, names, can_capture))

    refutable = depth == 0 or not capture
    kinds = ["literal"] + (["wildcard"] if not refutable else []) + (
        ["capture"] if capture and not refutable else [])
    if depth < 2:
        kinds += ["sequence", "mapping", "class", "or"] + ([] if refutable else ["as"]) if capture \
            else ["sequence", "class"]
    kind = draw(st.sampled_from(kinds))
    if kind == "literal":
        return draw(st.sampled_from(_LITERALS))
    if kind == "wildcard":
        return "_"
    if kind == "capture":
        return name()
    if kind == "or":  # no captures: each alternative must bind the same names
        return " | ".join(draw(patterns(depth + 1, names, False)) for _ in range(2))
    if kind == "as":
        return f"({sub()}) as {name()}"
    if kind == "sequence":
        items = [sub() for _ in range(draw(st.integers(0, 3)))]
        if draw(st.booleans()):
            items.insert(draw(st.integers(0, len(items))),
                         "*" + (name() if capture and draw(st.booleans()) else "_"))
        inside = ", ".join(items)
        if draw(st.booleans()):
            return f"[{inside}]"
        return f"({inside},)" if len(items) == 1 else f"({inside})"  # `(p)` is no sequence
    if kind == "mapping":
        keys = draw(st.lists(st.sampled_from(["'k'", "'j'", "1"]), max_size=2, unique=True))
        entries = [f"{k}: {sub()}" for k in keys]
        if draw(st.booleans()):
            entries.append(f"**{name()}")
        return "{" + ", ".join(entries) + "}"
    cls = draw(st.sampled_from(["int", "str", "list", "tuple", "dict", "bool", "Point", "D",
                                "Plain", "object", "float"]))
    positional = [sub() for _ in range(draw(st.integers(0, 2)))]
    keywords = [f"{k}={sub()}" for k in draw(st.lists(st.sampled_from(["x", "y", "a"]),
                                                      max_size=2, unique=True))]
    return f"{cls}({', '.join(positional + keywords)})"


@st.composite
def cases(draw: st.DrawFn) -> tuple[str, list[str]]:
    names: list[str] = []
    return draw(patterns(0, names)), names


@settings(max_examples=60, deadline=None)
@given(st.lists(cases(), min_size=1, max_size=3), st.lists(st.sampled_from(SUBJECTS),
                                                           min_size=1, max_size=4, unique=True))
def test_a_match_takes_the_case_cpython_takes(cpython_worker: Answer, arms, subjects):
    lines = [PRELUDE, f"for subject in [{', '.join(subjects)}]:", "    try:",
             "        match subject:"]
    for i, (pattern, names) in enumerate(arms):
        lines += [f"            case {pattern}:",
                  f"                print({i}, [{', '.join(names)}])"]
    lines += ["            case _:", "                print('none')",
              "    except TypeError as e:", "        print('TypeError', e)"]
    source = "\n".join(lines) + "\n"
    assert as_cpython_worker(source) == cpython_worker(source)


@pytest.mark.parametrize("pattern", [
    "Point(1, 2, 3)", "Plain(1)", "int(1, 2)", "D(1, 2, 3)", "Bad(1)", "Point(x=1, y=2)",
    "str(s)", "Point(_, y) if y > 1", "[1, *rest] if rest", "{'k': [_, *_]}",
    "Point(x=Point())", "collections.deque()", "int(0, real=0)", "Point(1, x=1)",
    "Point(_, 2, x=1)",
])
def test_class_patterns_refused_and_guarded_as_in_cpython(cpython_worker: Answer, pattern):
    source = (PRELUDE + "class Bad:\n    __match_args__ = ['x']\n    x = 1\n"
              "for subject in [Point(1, 2), Plain(), 5, 'a', [1, 2], {'k': [1]}, D(1, 2),\n"
              "                Bad()]:\n"
              f"    try:\n        match subject:\n            case {pattern}:\n"
              "                print('yes', subject)\n            case _:\n"
              "                print('no')\n    except TypeError as e:\n        print(e)\n")
    assert as_cpython_worker(source) == cpython_worker(source)


@pytest.mark.xfail(strict=True, reason="the compiler accepts a case after an irrefutable one "
                                       "and a keyword named twice; CPython's SyntaxErrors: "
                                       "'wildcard makes remaining patterns unreachable', "
                                       "'attribute name repeated in class pattern: x'")
@pytest.mark.parametrize("pattern", ["_", "x", "1 | _", "Point(x=1, x=2)"])
def test_an_irrefutable_case_must_be_the_last(cpython_worker: Answer, pattern):
    source = (PRELUDE + f"match 5:\n    case {pattern}:\n        print(1)\n"
              "    case 2:\n        print(2)\n")
    assert as_cpython_worker(source) == cpython_worker(source)
