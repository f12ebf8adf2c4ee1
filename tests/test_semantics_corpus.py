"""SEMANTICS.md §8: every schedule of each small program, against its exact outcome set.

The programs and their outcome sets live in tests/programs/semantics/ (expected.json). Here the
engine's own machine is driven through every schedule by the brute-force enumerator, so this
checks the step model and the primitives, not the explorer.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from app.engine import compile_program
from tests.support.bruteforce import enumerate_outcomes

SEMANTICS = Path(__file__).parent / "programs" / "semantics"
ROWS = json.loads((SEMANTICS / "expected.json").read_text())

#: Rows with tens of thousands of schedules: too slow for brute force here.
TOO_MANY_SCHEDULES = {"S3", "S4", "S13", "S13b", "S25"}


def _row_params() -> list:
    params = []
    for row in ROWS:
        marks = []
        if row["id"] in TOO_MANY_SCHEDULES:
            marks.append(pytest.mark.skip(
                reason="thousands of schedules: too slow to brute-force here; "
                       "tests/test_explorer.py checks this row's outcome set with the explorer"))
        params.append(pytest.param(row, id=row["id"], marks=marks))
    return params


def _keys(row: dict) -> list[str]:
    return sorted({k for o in row["outcomes"] for k in o["globals"]})


def _expected(row: dict) -> set[tuple]:
    """expected.json's outcomes as bruteforce signatures (a missing global reads as None)."""
    keys = _keys(row)
    want = set()
    for o in row["outcomes"]:
        # An exception with an empty message is written "…: BrokenBarrierError: " there, while
        # Uncaught's str() leaves the ": " off.
        errors = tuple(sorted(e.removesuffix(": ") for e in o["errors"]))
        blocked = tuple(sorted(o.get("blocked", []))) if o["kind"] == "deadlock" else ()
        globals_ = {k: o["globals"].get(k) for k in keys}
        want.add((o["kind"], repr(sorted(globals_.items())), errors, blocked))
    return want


def test_corpus_has_every_row_of_the_table():
    ids = [row["id"] for row in ROWS]
    assert len(ids) == len(set(ids))
    assert {f"S{i}" for i in range(1, 29)} | {"S5b", "S13b"} == set(ids)
    for row in ROWS:
        assert (SEMANTICS / row["file"]).is_file(), row["file"]


@pytest.mark.parametrize("row", [pytest.param(r, id=r["id"]) for r in ROWS])
def test_every_corpus_program_is_plain_python_and_compiles(row):
    source = (SEMANTICS / row["file"]).read_text()
    ast.parse(source)
    compile_program(source)


@pytest.mark.parametrize("row", _row_params())
def test_reachable_outcomes_equal_the_expected_set(row):
    program = compile_program((SEMANTICS / row["file"]).read_text())
    got = set(enumerate_outcomes(program, _keys(row), max_depth=400))
    assert got == _expected(row)
