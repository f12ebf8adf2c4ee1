"""`keyed`: `sorted`, `min`, `max` and `list.sort` with `key=` and `reverse=`, against CPython
(the oracle, run by the `cpython_worker` fixture): stable sorts, the first of equal extremes,
and CPython's messages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.engine import compile_program, explore
from tests.support.running import as_cpython_worker

KEYS = ["None", "abs", "lambda v: v % 3", "lambda v: -v", "{0: 5, 1: 4}.get"]


@settings(max_examples=60, deadline=None)
@given(items=st.lists(st.integers(-5, 5), max_size=8), key=st.sampled_from(KEYS),
       reverse=st.booleans())
def test_orderings_agree_with_cpython(cpython_worker: Callable[[str], dict[str, Any]],
                                      items: list[int], key: str, reverse: bool) -> None:
    by_value = "lambda p: p[0]" if key == "None" else f"lambda p: ({key})(p[0])"
    source = (f"items = {items!r}\n"
              f"pairs = [(v, i) for i, v in enumerate(items)]\n"  # which of equal keys first
              f"print(sorted(items, key={key}, reverse={reverse}))\n"
              f"copy = list(items)\ncopy.sort(key={key}, reverse={reverse})\nprint(copy)\n"
              f"print(min(items, key={key}, default='none'), max(items, key={key}, "
              f"default='none'))\n"
              f"print(sorted(pairs, key={by_value}), min(pairs, key={by_value}, default=0))\n")
    assert as_cpython_worker(source) == cpython_worker(source)


@pytest.mark.parametrize("expression", [
    "min([])", "max([], key=abs)", "max(1, 2, default=0)", "min()", "[3, 1].sort(1)",
    "[3, 1].sort(foo=1)", "sorted([1, 'a'])", "sorted([2, 1], [])",
    "min(1, 2, foo=3)",
    "max([1, -3, 3], key=abs)", "min(3, 1, 2, key=lambda v: -v)", "sorted('bca', reverse=1)",
    "sorted({3: 'a', 1: 'b'}, key=lambda k: -k)", "max((v for v in [2, 9, 4]))",
    "min([], default=None)",
])
def test_edge_cases_agree_with_cpython(cpython_worker: Callable[[str], dict[str, Any]],
                                       expression: str) -> None:
    source = f"print({expression})\n"
    assert as_cpython_worker(source) == cpython_worker(source)


def test_a_sorts_keys_are_called_once_each_in_every_explored_schedule():
    """`items.sort(key=f)` calls `f` first as the thread's own code, then sorts by the keys
    it made: the sort, a step of its own, finds them even when the explorer has copied the
    equal strings between (it called `f` again on each item)."""
    source = ("import threading\nitems = ['bob', 'amy', 'cyd']\ndef key(x):\n    print('key', x)\n"
              "    return x\ndef w():\n    items.sort(key=key)\n"
              "t = threading.Thread(target=w)\nt.start()\nt.join()\nprint(items)\n")
    found = explore(compile_program(source))
    assert {o.outcome.output for o in found.outcomes} == {
        ("key bob", "key amy", "key cyd", "['amy', 'bob', 'cyd']")}
