"""stdlib/itertools.py: every `itertools` function on random data, against CPython 3.13 (the
`cpython_worker` fixture): the same items in the same order, and the same refusals."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.support.running import as_cpython_worker

Answer = Callable[[str], dict[str, Any]]

CALLS = [
    "list(itertools.chain(xs, ys))",
    "list(itertools.chain.from_iterable([xs, ys]))",
    "list(itertools.islice(itertools.count(n, 2), 5))",
    "list(itertools.islice(itertools.cycle(xs), 7))",
    "list(itertools.repeat(n, 3))",
    "list(itertools.islice(xs, 1, None, 2))",
    "list(itertools.islice(xs, n))",
    "list(itertools.product(xs[:3], 'ab'))",
    "list(itertools.product(ys[:2], repeat=2))",
    "list(itertools.permutations(xs[:4], 2))",
    "list(itertools.combinations(xs[:5], 2))",
    "list(itertools.combinations_with_replacement(ys[:3], 2))",
    "list(itertools.accumulate(xs))",
    "list(itertools.accumulate(xs, initial=n))",
    "list(itertools.accumulate(xs, max))",
    "[(k, list(g)) for k, g in itertools.groupby(sorted(xs))]",
    "[(k, list(g)) for k, g in itertools.groupby(xs, key=lambda v: v % 2)]",
    "list(itertools.zip_longest(xs, ys, fillvalue='-'))",
    "list(itertools.starmap(pow, zip(ys, xs)))",
    "list(itertools.takewhile(lambda v: v < n, xs))",
    "list(itertools.dropwhile(lambda v: v < n, xs))",
    "list(itertools.filterfalse(lambda v: v % 2, xs))",
    "list(itertools.compress(xs, ys))",
    "list(itertools.pairwise(xs))",
    "list(itertools.batched(xs, 2))",
    "[list(t) for t in itertools.tee(xs, 2)]",
    "list(itertools.islice(xs, n, n + 2))",
]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(-3, 5), max_size=6), st.lists(st.integers(0, 2), max_size=4),
       st.integers(0, 4))
def test_every_function_answers_as_cpython(cpython_worker: Answer, xs, ys,
                                           n):
    source = f"import itertools\nxs = {xs!r}\nys = {ys!r}\nn = {n}\n" + "".join(
        f"try:\n    print({call})\nexcept Exception as e:\n    print(type(e).__name__, e)\n"
        for call in CALLS)
    assert as_cpython_worker(source) == cpython_worker(source)


@pytest.mark.parametrize("call", [
    "itertools.islice([1], -1)", "itertools.islice([1], 'a')", "itertools.batched([1], 0)",
    "itertools.combinations([1], -1)", "itertools.repeat(1, 'x')", "itertools.count('a')",
    "list(itertools.chain(1, 2))", "itertools.product([1], repeat=-1)",
    "next(itertools.count())", "itertools.tee([1], -1)", "list(itertools.pairwise(5))",
    "list(itertools.zip_longest([1], 5))", "itertools.cycle(5)",
])
def test_edge_cases_answer_as_cpython(cpython_worker: Answer, call):
    source = (f"import itertools\ntry:\n    print(repr({call}) if not repr({call}).startswith('<') "
              f"else 'an iterator')\nexcept Exception as e:\n    print(type(e).__name__, e)\n")
    assert as_cpython_worker(source) == cpython_worker(source)


@pytest.mark.xfail(strict=True, reason="not modelled: itertools' iterators over finite data "
                                       "are computed when made, so chain(1, 2) fails at once "
                                       "(CPython's only when iterated)")
def test_an_iterator_fails_only_when_iterated(cpython_worker: Answer):
    source = "import itertools\nc = itertools.chain(1, 2)\nprint('made')\n"
    assert as_cpython_worker(source) == cpython_worker(source)

