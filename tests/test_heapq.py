"""stdlib/heapq.py: a heap in a program's list and `nlargest`/`nsmallest`/`merge` on random
data, against CPython 3.13 (the `cpython_worker` fixture)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.support.running import as_cpython_worker

Answer = Callable[[str], dict[str, Any]]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(-9, 9), max_size=8), st.lists(st.integers(-9, 9), max_size=4),
       st.integers(-1, 5), st.sampled_from(["None", "abs", "lambda v: -v"]))
def test_a_heap_answers_as_cpython(cpython_worker: Answer, items, pushed,
                                   n, key):
    source = (f"import heapq\nh = {items!r}\nheapq.heapify(h)\nprint(h)\n"
              f"for x in {pushed!r}:\n    heapq.heappush(h, x)\nprint(h)\n"
              f"print(heapq.heappushpop(h, 0), h)\n"
              f"out = []\nwhile h:\n    out.append(heapq.heappop(h))\nprint(out)\n"
              f"print(heapq.nlargest({n}, {items!r}, key={key}), "
              f"heapq.nsmallest({n}, {items!r}, key={key}))\n"
              f"print(list(heapq.merge(sorted({items!r}), sorted({pushed!r}))))\n"
              f"print(list(heapq.merge(sorted({items!r}, key={key}), sorted({pushed!r}, "
              f"key={key}), key={key})))\n")
    assert as_cpython_worker(source) == cpython_worker(source)


@pytest.mark.parametrize("call", [
    "heapq.heappop([])", "heapq.heapreplace([], 1)", "heapq.heappush((1,), 2)",
    "heapq.heapify('abc')", "heapq.heappush([1, 'a'], 2)", "heapq.nlargest('2', [1])",
    "heapq.nsmallest(2, 5)", "h = [3, 1]\nheapq.heapify(h)\nprint(heapq.heapreplace(h, 0), h)",
    "h = [(2, 'b'), (1, 'a')]\nheapq.heapify(h)\nprint(heapq.heappop(h))",
    "print(heapq.nlargest(2, iter([5, 1, 7])), heapq.nsmallest(1, (x for x in [3, 2])))",
    "print(list(heapq.merge([1, 3], [2], reverse=False)), list(heapq.merge()))",
    "print(list(heapq.merge([3, 1], [2, 0], reverse=True)))",
])
def test_edge_cases_answer_as_cpython(cpython_worker: Answer, call):
    lines = call.splitlines()
    if len(lines) == 1 and not lines[0].startswith("print"):
        lines = [f"print({lines[0]})"]
    body = "".join(f"    {line}\n" for line in lines)
    source = f"import heapq\ntry:\n{body}except Exception as e:\n    print(type(e).__name__, e)\n"
    assert as_cpython_worker(source) == cpython_worker(source)
