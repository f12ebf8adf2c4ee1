"""stdlib/bisect.py: `bisect` on random sorted lists, against CPython 3.13 (the
`cpython_worker` fixture): the same positions and insertions, and the same refusals."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.support.running import as_cpython_worker

Answer = Callable[[str], dict[str, Any]]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(-5, 5), max_size=8).map(sorted), st.integers(-6, 6),
       st.integers(-2, 9), st.one_of(st.none(), st.integers(-2, 9)),
       st.sampled_from(["None", "abs", "lambda v: -v"]))
def test_bisect_finds_and_inserts_as_cpython(cpython_worker: Answer, items, x, lo, hi, key):
    source = f"import bisect\nxs = {items!r}\n"
    for name in ("bisect_left", "bisect_right", "bisect"):  # a module is used as module.name
        source += (f"try:\n    print(bisect.{name}(xs, {x}, {lo}, {hi}, key={key}))\n"
                   f"except Exception as e:\n    print(type(e).__name__, e)\n")
    for name in ("insort_left", "insort_right", "insort"):
        source += (f"ys = list(xs)\ntry:\n    bisect.{name}(ys, {x}, {lo})\n"
                   f"except Exception as e:\n    print(type(e).__name__, e)\nprint(ys)\n")
    assert as_cpython_worker(source) == cpython_worker(source)


@pytest.mark.parametrize("call", [
    "bisect.bisect([1, 'a'], 2)", "bisect.bisect(5, 1)", "bisect.bisect((1, 3), 2)",
    "bisect.insort((1, 3), 2)", "bisect.bisect([1, 2], 1, -1)", "bisect.bisect([1, 2], 1, 'a')",
    "bisect.bisect([1, 2])", "bisect.bisect([(1, 'a'), (2, 'b')], 2, key=lambda p: p[0])",
    "bisect.bisect_left(['a', 'c'], 'b')", "bisect.bisect([1, 2], 1, lo=1, hi=1)",
    "bisect.bisect([1, 2], 1, 0, 2, 5)", "bisect.bisect([1, 2], 1, x=1)", "bisect.insort()",
    "bisect.bisect([1], 1, foo=2)", "bisect.bisect(None, 1)",
])
def test_edge_cases_answer_as_cpython(cpython_worker: Answer, call):
    source = (f"import bisect\ntry:\n    print({call})\nexcept Exception as e:\n"
              f"    print(type(e).__name__, e)\n")
    assert as_cpython_worker(source) == cpython_worker(source)
