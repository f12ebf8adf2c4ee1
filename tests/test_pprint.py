"""stdlib/pprint.py: `pprint`, `pp` and `pformat` on random data, against CPython 3.13 (the
`cpython_worker` fixture): the same lines, wrapped at the same width."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.support.running import as_cpython_worker

Answer = Callable[[str], dict[str, Any]]

_DATA = st.recursive(
    st.one_of(st.integers(-10**6, 10**6), st.floats(allow_nan=False), st.text("ab ", max_size=12),
              st.booleans(), st.none()),
    lambda inner: st.lists(inner, max_size=5) | st.tuples(inner, inner)
    | st.dictionaries(st.text("abc", max_size=3) | st.integers(-3, 3), inner, max_size=4)
    | st.sets(st.integers(0, 5), max_size=4),  # (small ints: one order however built)
    max_leaves=30)


@settings(max_examples=60, deadline=None)
@given(_DATA, st.integers(1, 80))
def test_pformat_answers_as_cpython(cpython_worker: Answer, data, width):
    source = (f"import pprint\ndata = {data!r}\nprint(pprint.pformat(data, width={width}))\n"
              f"pprint.pprint(data)\npprint.pp(data, width={width})\n")
    assert as_cpython_worker(source) == cpython_worker(source)


@pytest.mark.parametrize("call", [
    "pprint.pformat([1], width=0)", "pprint.pformat({'b': 1, 'a': 2})",
    "pprint.pformat(list(range(40)))", "pprint.pformat([print, len])",
])
def test_edge_cases_answer_as_cpython(cpython_worker: Answer, call):
    source = (f"import pprint\ntry:\n    print({call})\nexcept Exception as e:\n"
              f"    print(type(e).__name__, e)\n")
    assert as_cpython_worker(source) == cpython_worker(source)


def test_pp_keeps_a_dicts_order_unless_told(cpython_worker: Answer):
    source = ("import pprint\npprint.pp({'b': 1, 'a': 2})\npprint.pp({'b': 1, 'a': 2}, "
              "sort_dicts=True)\npprint.pprint({'b': 1, 'a': 2}, sort_dicts=False)\n"
              "print(pprint.pformat({'b': [1], 'a': 2}, sort_dicts=False))\n")
    assert as_cpython_worker(source) == cpython_worker(source)


@pytest.mark.parametrize("call", [
    "pprint.pprint(data, width=30, compact=True)",
    "pprint.pprint(data, None, 4, 40)",
    "print(pprint.pformat(data, 2, 30, 2))",
    "pprint.pprint(data, depth=1)",
    "pprint.pprint(data, stream=sys.stdout, indent=3, width=25, sort_dicts=False)",
    "pprint.pp(data, width=20, compact=True)",
])
def test_the_options_answer_as_cpython(cpython_worker: Answer, call):
    source = (f"import pprint, sys\ndata = {{'k': list(range(20)), 'b': {{'x': [1, (2, 3)]}}, "
              f"'a': 'text ' * 3}}\n{call}\n")
    assert as_cpython_worker(source) == cpython_worker(source)
