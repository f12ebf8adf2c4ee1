"""`errors`: what a caller can get back besides a result, and a compile error's position."""

from __future__ import annotations

import pickle

import pytest

from app.engine import (
    BudgetError,
    CompileError,
    InterleaveError,
    ScheduleError,
    compile_program,
)


def test_every_engine_error_is_an_interleave_error() -> None:
    for kind in (CompileError, ScheduleError, BudgetError):
        assert issubclass(kind, InterleaveError)


def test_a_compile_error_shows_its_position_and_hint() -> None:
    error = CompileError("no such thing", 3, 7, "try this")
    assert str(error) == "line 3, column 7: no such thing\n  hint: try this"
    assert str(CompileError("no such thing", 3, 7)) == "line 3, column 7: no such thing"
    assert error.to_dict() == {"message": "no such thing", "line": 3, "col": 7,
                               "hint": "try this"}


def test_a_compile_error_crosses_processes_whole() -> None:
    error = pickle.loads(pickle.dumps(CompileError("no such thing", 3, 7, "try this")))
    assert type(error) is CompileError
    assert error.to_dict() == {"message": "no such thing", "line": 3, "col": 7,
                               "hint": "try this"}


def test_a_program_outside_the_subset_is_refused_where_it_goes_wrong() -> None:
    with pytest.raises(CompileError) as caught:
        compile_program("x = 1\ny = (\n")
    assert (caught.value.line, caught.value.col) == (2, 5)
    assert caught.value.message == "SyntaxError: '(' was never closed"
    assert caught.value.hint.startswith("This is not valid Python")
