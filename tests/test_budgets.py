"""Budgets: each one lowered is hit, with a message that names it and its value, wherever the
program is run (a run, an exploration, a verification)."""

from __future__ import annotations

import ast
import time

import pytest

from app.engine import (
    DEFAULT_BUDGETS,
    BudgetError,
    Budgets,
    CompileError,
    Explicit,
    RoundRobin,
    ScheduleError,
    compile_program,
    decode,
    explore,
    jsonable,
    parse_goal,
    represent,
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
                                items=1_000_000, local_ops=100_000, output=1_000_000)


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


# -- one step never builds something huge: each size is worked out before it is made ---------

def quick(source: str, budgets: Budgets = DEFAULT_BUDGETS, seconds: float = 1.0):
    start = time.perf_counter()
    result = outcome(source, budgets)
    assert time.perf_counter() - start < seconds, source
    return result


def test_a_list_shared_many_times_is_walked_once_and_left_out_of_the_report():
    # 30,000 references to one list of 1,000: 30 million items written out as JSON.
    result = quick("x = [[0] * 1000] * 30000\ny = [[0] * 10] * 3\n")
    assert result.kind == "done" and result.globals == {"y": [[0] * 10] * 3}
    assert outcome("x = [[0] * 10] * 3\ny = x", Budgets(items=60)).globals == {
        "x": [[0] * 10] * 3}  # the report holds the items budget in all


def test_the_text_of_a_shared_list_is_under_the_items_budget():
    result = quick("x = [[0] * 1000] * 30000\nprint(x)\n", seconds=3)  # the first 1 MB
    assert result.reason == "the text of a value is over the limit of 1,000,000 characters"
    assert quick("x = [[0] * 10] * 3\ns = str(x)\n", Budgets(items=99)).kind == "limit"
    assert quick("x = [[0] * 10] * 3\ns = str(x)\n", Budgets(items=200)).kind == "done"


def test_round_of_an_int_past_its_digits_is_zero_at_once():
    result = quick("x = round(1, -14000000)\ny = round(-150, -2)\nz = round(10**30, -29)")
    assert result.globals == {"x": 0, "y": -200, "z": 10**30}


def test_int_of_text_in_a_power_of_two_base_is_within_the_integer_budget():
    result = quick("x = int('1' * 200, 2)", Budgets(int_bits=100))
    assert result.reason == ("int() of 200 digits in base 2 is over the limit of 100 bits for "
                             "one integer")
    assert quick("x = int('1' * 100, 2)", Budgets(int_bits=100)).globals["x"] == 2**100 - 1


def test_an_int_too_long_for_text_raises_in_the_program_and_is_summarised_by_the_server():
    result = quick("x = 10 ** 5000\nprint(x)")
    assert [(e.type, e.message) for e in result.errors] == [(
        "ValueError", "Exceeds the limit (4300 digits) for integer string conversion; use "
                      "sys.set_int_max_str_digits() to increase the limit")]
    assert represent(10**5000) == "<int of 5,001 digits>"
    assert represent(-(10**4300)) == "<int of 4,301 digits>"
    assert represent(10**4299) == str(10**4299)  # 4,300 digits: CPython shows it
    assert jsonable(quick("x = 10 ** 5000").to_dict()["globals"]) == {
        "x": "<int of 5,001 digits>"}


@pytest.mark.parametrize(("source", "says"), [
    ("x = ('a' * 100).replace('a', 'b' * 30)", "replace() would make 3,000 items"),
    ("x = ('a' * 100).replace('', 'bb')", "replace() would make 302 items"),
    ("x = ('x' * 30).join(['a'] * 100)", "join() would make 3,070 items"),
    ("x = ('x' * 30).join('a' * 100)", "join() would make 3,070 items"),
    ("x = [0] * 100\nwhile True:\n    x.extend(x)", "extend() would make 400 items"),
    ("x = [0] * 300\nx.append(1)", "append() would make 301 items"),
    ("x = ' ' * 300\ny = x.split(' ')", "split() would make 301 items"),
    ("x = '\\t' * 10\ny = x.expandtabs(40)", "expandtabs() would make 410 items"),
    ("x = 'a' * 100\ny = x.translate({97: 'b' * 30})", "translate() would make 3,000 items"),
    ("x = []\nx += range(10**20)", "over the limit of 300 items"),
    ("x = sum([[0] * 100] * 20, [])", "summing 2,000 items is over the limit of 300 items"),
])
def test_a_method_or_built_in_result_is_sized_before_it_is_made(source, says):
    result = quick(source, Budgets(items=300))
    assert result.kind == "limit" and says in result.reason


def test_sum_of_lists_is_linear_and_says_what_cpython_says():
    assert quick("x = sum([[0]] * 1000000, [])").globals == {"x": [0] * 1_000_000}
    result = quick("y = sum([], [5])\nz = sum([(1,), (2,)], ())")
    assert result.globals == {"y": [5], "z": (1, 2)}
    assert quick("x = sum([[1], (2,)], [])").errors[0].message == (
        'can only concatenate list (not "tuple") to list')


def test_output():
    result = quick("s = 'x' * 9\nwhile True:\n    print(s)", Budgets(output=100))
    assert result.kind == "limit" and result.output == ("x" * 9,) * 10
    assert result.reason == ("the program prints more than 100 characters (the limit for one "
                             "run)")
    printed = quick("s = 'abc' * 10\nprint(" + ", ".join(["s"] * 100) + ")", Budgets(output=100))
    assert printed.reason.startswith("the program prints more than 100") and not printed.output


def test_output_is_counted_again_in_a_copied_machine():
    program = compile_program("import threading\ndef f():\n    print('x' * 40)\n"
                              "for _ in range(3):\n    threading.Thread(target=f).start()\n",
                              budgets=Budgets(output=100))
    kinds = {found.outcome.reason for found in explore(program).outcomes}
    assert kinds == {"the program prints more than 100 characters (the limit for one run)"}


def test_a_goal_is_built_under_the_budgets():
    with pytest.raises(CompileError, match="in the goal, repeating a sequence 100,000,000 "
                                           "times is over the limit of 1,000,000 items"):
        parse_goal("len([0] * 100000000) > 0")
    with pytest.raises(CompileError, match="over the limit of 10 items"):
        parse_goal("at(1) + len('x' * 100) > 0", Budgets(items=10))
    goal = parse_goal("at(1) + len('x' * 5) == 5")
    assert isinstance(goal.tree.body.left.right, ast.Constant)  # worked out once, here


def test_a_goal_over_the_budget_on_the_state_is_unmet():
    program = compile_program("x = 'ab' * 100", budgets=Budgets(items=300))
    assert not verify(program, parse_goal("len(x * 100) > 0"), "").met
    assert verify(program, parse_goal("len(x) == 200"), "").met


def test_a_schedule_is_counted_before_it_is_expanded():
    start = time.perf_counter()
    with pytest.raises(ScheduleError, match="the schedule has 100,000,000 steps, over the "
                                            "limit of 5,000 steps"):
        decode("a100000000", 5_000)
    assert time.perf_counter() - start < 0.1
    assert decode("a3b2", 5) == [0, 0, 0, 1, 1]


def test_compiling_is_linear_in_the_calls():
    start = time.perf_counter()
    compile_program("def f():\n    pass\n" + "f()\n" * 5000)
    assert time.perf_counter() - start < 2
