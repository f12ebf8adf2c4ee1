"""Budgets: each one lowered is hit, with a message that names it and its value, wherever the
program is run (a run, an exploration, a verification)."""

from __future__ import annotations

import pytest

from app.engine import (
    BudgetError,
    Budgets,
    CompileError,
    Explicit,
    RoundRobin,
    compile_program,
    explore,
    parse_goal,
    run,
    verify,
)

THREADS = """\
import threading
def f():
    pass
for _ in range(4):
    threading.Thread(target=f).start()
"""


def outcome(source: str, budgets: Budgets):
    return run(compile_program(source, budgets=budgets), RoundRobin(1)).outcome


def test_the_defaults():
    assert Budgets() == Budgets(source_bytes=64_000, nesting=40, threads=64, int_bits=100_000,
                                items=1_000_000, local_ops=100_000)


def test_source_size():
    with pytest.raises(BudgetError, match="over the limit of 100 bytes"):
        compile_program("x = 1\n" * 20, budgets=Budgets(source_bytes=100))
    compile_program("x = 1\n" * 16, budgets=Budgets(source_bytes=100))


@pytest.mark.parametrize("levels", [4, 9])  # 9: deeper than the loose check before parsing
def test_nesting(levels):
    source = "".join("    " * i + "if True:\n" for i in range(levels)) + "    " * levels + "x = 1\n"
    with pytest.raises(CompileError, match=r"nested too deeply \(over 3 levels\)") as e:
        compile_program(source, budgets=Budgets(nesting=3))
    assert e.value.line > 3
    compile_program(source, budgets=Budgets(nesting=levels + 1))


def test_brackets_are_named_as_brackets():
    with pytest.raises(CompileError, match=r"over 100 brackets"):
        compile_program("x = " + "(" * 101 + "1" + ")" * 101)


def test_threads():
    reason = outcome(THREADS, Budgets(threads=3)).reason
    assert reason == "the program creates more than 3 threads (the limit for one run)"
    assert outcome(THREADS, Budgets(threads=5)).kind == "done"


def test_threads_in_an_exploration_and_a_verification():
    program = compile_program(THREADS, budgets=Budgets(threads=3))
    found = explore(program).outcomes
    assert [f.outcome.reason for f in found] == [
        "the program creates more than 3 threads (the limit for one run)"]
    verdict = verify(program, parse_goal("deadlock"), found[0].witness)
    assert verdict.reason.startswith("the run stopped: the program creates more than 3")


def test_integer_size():
    result = outcome("x = 2 ** 200", Budgets(int_bits=100))
    assert result.kind == "limit"
    assert result.reason == "2 ** 200 is over the limit of 100 bits for one integer"
    assert outcome("x = 2 ** 40", Budgets(int_bits=100)).kind == "done"


def test_items():
    result = outcome("x = [0] * 11", Budgets(items=10))
    assert result.reason == "repeating a sequence 11 times is over the limit of 10 items"
    assert outcome("x = 'ab' * 5", Budgets(items=10)).kind == "done"


def test_local_operations():
    source = "x = 0\nwhile x < 1000:\n    x += 1\n"
    result = outcome(source, Budgets(local_ops=500))
    assert result.kind == "limit"
    assert "MainThread ran 500 operations without touching shared state" in result.reason
    assert outcome(source, Budgets()).kind == "done"


def test_a_schedule_runs_under_the_programs_budgets():
    program = compile_program(THREADS, budgets=Budgets(threads=2))
    result = run(program, Explicit("a"))
    assert "more than 2 threads" in result.outcome.reason
