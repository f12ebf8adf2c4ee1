"""stdlib/statistics.py: the averages on random data, against CPython 3.13 (the
`cpython_worker` fixture): the same numbers, and the same StatisticsError."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.support.running import as_cpython_worker

Answer = Callable[[str], dict[str, Any]]

FUNCTIONS = ["mean", "fmean", "median", "median_low", "median_high", "mode", "multimode",
             "stdev", "pstdev", "variance", "pvariance", "geometric_mean", "harmonic_mean"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(-20, 20) | st.floats(-100, 100, allow_nan=False) | st.booleans(),
                max_size=6))
def test_every_average_answers_as_cpython(cpython_worker: Answer, data):
    source = f"import statistics\ndata = {data!r}\n"
    for name in FUNCTIONS:  # a module is used as module.name
        source += (f"try:\n    print('{name}', repr(statistics.{name}(data)))\n"
                   f"except Exception as e:\n    print('{name}', type(e).__name__, e)\n")
    assert as_cpython_worker(source) == cpython_worker(source)


@pytest.mark.parametrize("call", [
    "statistics.mean([])", "statistics.mode(['a', 'b', 'a'])", "statistics.mean(['a'])",
    "statistics.median(5)", "statistics.mean(x for x in [1, 2, 4])",
    "statistics.stdev([1])", "statistics.mean(range(10))", "statistics.harmonic_mean([1, -1])",
    "isinstance(statistics.StatisticsError(), ValueError)", "statistics.mean([1, None])",
    "statistics.quantiles([1, 5, 2, 8, 3, 9, 4])", "statistics.quantiles([3.5])",
    "statistics.quantiles(range(1, 11), n=10, method='inclusive')",
    "statistics.quantiles([1, 2], n=0)", "statistics.quantiles([1, 2], method='x')",
    "statistics.quantiles([], n=3)", "statistics.quantiles([1, 2], 4)",
    "statistics.quantiles([1, 2], n=2.0)", "statistics.mean([1], n=2)",
])
def test_edge_cases_answer_as_cpython(cpython_worker: Answer, call):
    source = (f"import statistics\ntry:\n    print(repr({call}))\nexcept Exception as e:\n"
              f"    print(type(e).__name__, e)\n")
    assert as_cpython_worker(source) == cpython_worker(source)
