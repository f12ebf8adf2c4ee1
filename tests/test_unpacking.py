"""unpacking.py: star assignments (`a, *b, c = value`) and displays with `*` (`[*a, x]`,
`(*a,)`, `{*a}`) on random values, against CPython 3.13 (the `cpython_worker` fixture): the
same names bound, the same display, or the same error word for word."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.engine import RoundRobin, compile_program, run
from tests.support.running import as_cpython_worker

Answer = Callable[[str], dict[str, Any]]

#: Values to unpack, as source: every iterable kind the engine knows, and some that are not.
_VALUES = st.integers(0, 5).flatmap(lambda n: st.sampled_from([
    f"list(range({n}))", f"tuple(range({n}))", f"'abcde'[:{n}]", f"range({n})",
    f"{{i: 0 for i in range({n})}}", f"set(range({n}))", f"frozenset(range({n}))",
    f"iter(list(range({n})))", f"(i * 2 for i in range({n}))", f"g({n})",
    f"collections.deque(range({n}))", f"{{i: 0 for i in range({n})}}.items()",
    f"zip(range({n}), 'abcde')", f"map(str, range({n}))", f"enumerate('abcde'[:{n}])",
    f"reversed(list(range({n})))",
])) | st.sampled_from(["5", "None", "1.5", "print", "True"])

_PRELUDE = "import collections\ndef g(n):\n    for i in range(n):\n        yield -i\n"


def _attempt(statement: str, shown: str) -> str:
    return (f"try:\n    {statement}\n    print({shown})\n"
            f"except Exception as e:\n    print(type(e).__name__, e)\n")


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 3), st.integers(0, 3), _VALUES, st.booleans())
def test_a_star_assignment_binds_as_in_cpython(cpython_worker: Answer,
                                               before, after, value, in_function):
    names = [f"a{i}" for i in range(before)] + ["*rest"] + [f"z{i}" for i in range(after)]
    shown = ", ".join(n.lstrip("*") for n in names)
    targets = ", ".join(names) + ("," if len(names) == 1 else "")  # `*rest, = value`
    body = _attempt(f"{targets} = {value}", shown)
    if in_function:  # locals, not module globals
        body = "def h():\n" + "".join(f"    {line}\n" for line in body.splitlines()) + "h()\n"
    source = _PRELUDE + body
    assert as_cpython_worker(source) == cpython_worker(source)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(["[{}]", "({},)", "{{{}}}"]),
       st.lists(st.tuples(st.just(True), _VALUES)
                | st.tuples(st.just(False), st.sampled_from(["5", "'s'", "None", "(1, 2)"])),
                min_size=1, max_size=4))
def test_a_display_with_stars_builds_as_in_cpython(cpython_worker: Answer, display, items):
    inside = ", ".join(("*" if star else "") + value for star, value in items)
    made = display.format(inside)
    shown = "sorted(x, key=repr)" if display.startswith("{{") else "x"  # a set's own order
    source = _PRELUDE + _attempt(f"x = {made}", shown)
    assert as_cpython_worker(source) == cpython_worker(source)


@pytest.mark.parametrize("statement", [
    "a, *b = [1, 2]", "[a, *b] = [1, 2]", "a, *b = (1, 2)", "*a, b = {1: 2}"])
def test_unpacking_a_container_is_a_step_and_a_tuple_is_not(statement):
    shared = "[1, 2]" in statement or "{1: 2}" in statement
    program = compile_program(f"{statement}\nprint(a, b)\n")
    steps = run(program, RoundRobin()).steps
    assert any(step.action.startswith("unpack") for step in steps) == shared


def test_a_display_past_the_items_budget_is_refused():
    outcome = run(compile_program("x = [*range(600000), *range(600000)]"), RoundRobin()).outcome
    assert outcome.kind == "limit" and "a display of 1,200,000 items" in outcome.reason
