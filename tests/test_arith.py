"""arith.py: a program's operators give CPython 3.13's results and errors (random operands, run
by the engine and by the `cpython_worker` fixture), and the size guards let through only what
fits the budgets, predicting a method's result size exactly."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from app.engine import RoundRobin, compile_program, run
from app.engine.arith import (
    BINARY,
    COMPARE,
    INPLACE,
    UNARY,
    check_ranges,
    check_result,
    operator_for,
    total,
)
from app.engine.budgets import DEFAULT_BUDGETS, Budgets
from app.engine.errors import BudgetError
from tests.support.running import as_cpython_worker

Answer = Callable[[str], dict[str, Any]]

_BINARY_OPS = sorted(set(BINARY) - {"@"})
_OPERANDS = st.one_of(
    st.integers(-2**70, 2**70), st.integers(-8, 8), st.booleans(),
    st.floats(-1e6, 1e6, allow_nan=False).filter(lambda f: f != 0 or str(f) == "0.0"),
    st.sampled_from(["'ab'", "''", "[1, 2]", "[]", "(3,)", "None", "{1}", "{'k': 1}",
                     "float('inf')", "float('nan')", "-0.0", "range(3)"]))


def _sized(case: tuple[Any, str, Any]) -> bool:
    """A repetition or a power that fits the budgets (a bigger one is refused first, not
    made or refused as CPython does: tests below check the budgets)."""
    a, op, b = case
    if op in ("**", "<<"):
        return not isinstance(b, int) or abs(b) <= 64
    return op != "*" or not any(isinstance(x, int) and abs(x) > 1000 for x in (a, b))


def _literal(value: Any) -> str:
    return value if isinstance(value, str) else repr(value)


def _near_the_budget(case: tuple[Any, str, Any]) -> bool:
    """An int power or shift whose result is within a factor of two of the integer budget,
    which the engine may refuse where CPython computes (or runs out of memory)."""
    a, op, b = case
    if not (type(a) is int and type(b) is int) or op not in ("**", "<<"):
        return False
    size = abs(a).bit_length() * b if op == "**" else abs(a).bit_length() + b
    return size > DEFAULT_BUDGETS.int_bits // 2


def _program(cases: list[tuple[Any, str, Any]], inplace: bool) -> str:
    lines = []
    for a, op, b in cases:
        body = (f"x = {_literal(a)}\n    x {op}= {_literal(b)}\n    print(repr(x))" if inplace
                else f"print(repr({_literal(a)} {op} {_literal(b)}))")
        lines.append(f"try:\n    {body}\nexcept Exception as e:\n    print(type(e).__name__, e)")
    return "\n".join(lines) + "\n"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_OPERANDS, st.sampled_from(_BINARY_OPS), _OPERANDS).filter(_sized),
                min_size=1, max_size=8),
       st.booleans())
def test_binary_operators_answer_as_cpython(cpython_worker: Answer, cases, inplace):
    assume(not any(map(_near_the_budget, cases)))  # the guards' own tests are below
    source = _program(cases, inplace)
    assert as_cpython_worker(source) == cpython_worker(source)


#: `is` on equal values depends on which objects CPython's compiler shares: not compared here.
_ORDERS = sorted(set(COMPARE) - {"is", "is not"})


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(_OPERANDS, st.sampled_from(_ORDERS), _OPERANDS), min_size=1,
                max_size=8))
def test_comparisons_answer_as_cpython(cpython_worker: Answer, cases):
    source = _program(cases, inplace=False)
    assert as_cpython_worker(source) == cpython_worker(source)


@pytest.mark.parametrize("op", sorted(UNARY))
def test_unary_operators_answer_as_cpython(cpython_worker: Answer, op):
    operands = ["5", "-2**70", "True", "1.5", "'a'", "[1]", "None", "0", "''"]
    source = "\n".join(f"try:\n    print(repr({op} {x}))\nexcept Exception as e:\n"
                       f"    print(type(e).__name__, e)" for x in operands) + "\n"
    assert as_cpython_worker(source) == cpython_worker(source)


def test_a_list_grows_in_place_with_its_inplace_operators(cpython_worker: Answer):
    source = ("a = [1]\nb = a\na += (2,)\na *= 2\nt = (1,)\nu = t\nt += (2,)\n"
              "s = {1}\nr = s\ns |= {2}\ns -= {1}\nprint(a, b is a, t, u is t, s, r is s)\n")
    assert as_cpython_worker(source) == cpython_worker(source)


# -- the guards: whatever they let through fits the budgets ---------------------------------------

SMALL = Budgets(int_bits=64, items=50)
_INTS = st.integers(-2**40, 2**40) | st.integers(-3, 3)
_SEQUENCES = st.one_of(st.text("ab", max_size=10), st.lists(st.integers(0, 1), max_size=10),
                       st.tuples(st.integers(0, 1)), st.integers(0, 5).map(range))


@settings(max_examples=500, deadline=None)
@given(st.sampled_from(["**", "<<", "*"]), _INTS, st.integers(-3, 80), st.booleans())
def test_an_integer_let_through_fits_the_bits(op, a, b, inplace):
    try:
        result = operator_for(op, SMALL, inplace)(a, b)
    except BudgetError:
        return
    except (ValueError, ZeroDivisionError):  # a negative shift count; 0 ** -1
        return
    if isinstance(result, int):
        assert result.bit_length() <= SMALL.int_bits
    assert result == BINARY[op](a, b)


@settings(max_examples=500, deadline=None)
@given(st.sampled_from(["+", "*"]), _SEQUENCES | st.integers(-2, 40),
       _SEQUENCES | st.integers(-2, 40))
def test_a_sequence_let_through_fits_the_items(op, a, b):
    try:
        result = operator_for(op, SMALL)(a, b)
    except (BudgetError, TypeError):
        return
    if not isinstance(result, int):
        assert len(result) <= SMALL.items


@pytest.mark.parametrize(("op", "a", "b"), [
    ("**", 10, 10**10), ("<<", 1, 10**6), ("*", 2**60_000, 2**60_000), ("*", "ab", 10**6),
    ("*", 10**6 + 1, [0]), ("+", "a" * 600_000, "b" * 600_000)],
    ids=["power", "shift", "product", "repeat", "repeat-right", "join"])
def test_a_runaway_size_is_refused_before_it_is_made(op, a, b):
    with pytest.raises(BudgetError, match="over the limit"):
        operator_for(op, DEFAULT_BUDGETS)(a, b)


@pytest.mark.parametrize("source", ["x = 3 ** 40000\ny = x * x", "x = 3 ** 40000\ny = x << 50000",
                                    "x = 3 ** 40000\ny = x ** 2"])
def test_an_operand_too_long_for_text_is_refused_by_its_size(source):
    outcome = run(compile_program(source), RoundRobin()).outcome
    assert outcome.kind == "limit"
    assert "<int of 19,085 digits>" in outcome.reason and "100,000 bits" in outcome.reason


def test_a_constant_right_operand_that_cannot_join_runs_unguarded():
    assert operator_for("+", DEFAULT_BUDGETS, inplace=True, right=1) is INPLACE["+"]
    joined = operator_for("+", DEFAULT_BUDGETS, inplace=True, right="s")
    assert joined is not INPLACE["+"]
    with pytest.raises(BudgetError):
        joined("a" * 999_999, "ss")


def test_a_string_percent_is_formatted_by_our_own_reading():
    percent = operator_for("%", DEFAULT_BUDGETS)
    assert percent("%s-%d", ("a", 3)) == "a-3" and percent(7, 3) == 1
    with pytest.raises(BudgetError):
        percent("%*d", (10**7, 1))


def test_a_range_walked_must_fit_the_items():
    check_ranges([range(50), "x" * 100, [0] * 100], SMALL)
    with pytest.raises(BudgetError, match="walking range"):
        check_ranges([range(51)], SMALL)
    with pytest.raises(BudgetError):
        check_ranges([range(10**30)], SMALL)


_METHODS = st.one_of(
    st.tuples(st.text("ab", max_size=12), st.just("replace"),
              st.tuples(st.text("ab", max_size=2), st.text("abc", max_size=6))
              | st.tuples(st.text("ab", max_size=2), st.text("abc", max_size=6),
                          st.integers(-1, 4))),
    st.tuples(st.text("ab,", max_size=4), st.just("join"),
              st.tuples(st.lists(st.text("ab", max_size=4), max_size=6) | st.text(max_size=8))),
    st.tuples(st.text("ab,", max_size=20), st.sampled_from(["split", "rsplit"]),
              st.tuples(st.sampled_from([",", "a", "ab"]))),
)


@settings(max_examples=500, deadline=None)
@given(_METHODS, st.integers(0, 30))
def test_a_methods_result_is_refused_exactly_when_it_is_too_big(call, items):
    obj, name, args = call
    made = getattr(obj, name)(*args)
    try:
        check_result(obj, name, list(args), {}, Budgets(items=items))
        refused = False
    except BudgetError:
        refused = True
    assert refused == (len(made) > items)


@pytest.mark.parametrize(("obj", "name", "args"), [
    ([1] * 10, "append", [0]), ([1] * 10, "extend", [[2] * 5]), ({"a": 1}, "update", [{"b": 2}])])
def test_a_container_may_not_grow_past_the_items(obj, name, args):
    check_result(obj, name, args, {}, Budgets(items=len(obj) + len(args[0]) if name != "append"
                                             else len(obj) + 1))
    with pytest.raises(BudgetError, match=f"{name}\\(\\) would make"):
        check_result(obj, name, args, {}, Budgets(items=len(obj)))


_SUMMANDS = st.one_of(st.lists(st.integers(0, 3), max_size=3),
                      st.tuples(st.integers(0, 3)), st.integers(0, 3), st.just("s"))


@settings(max_examples=300, deadline=None)
@given(st.lists(_SUMMANDS, max_size=5), st.sampled_from([[], (), 0, [9], (9,)]))
def test_total_is_sum(values, start):
    def answer(fn: Callable[[], Any]) -> Any:
        try:
            return fn()
        except TypeError as e:
            return ("TypeError", str(e))

    assert answer(lambda: total(values, start, DEFAULT_BUDGETS)) == answer(
        lambda: sum(values, start))


def test_total_refuses_a_sum_of_lists_past_the_items():
    with pytest.raises(BudgetError, match="summing 60 items"):
        total([[0] * 20] * 3, [], SMALL)


@pytest.mark.parametrize(("a", "b", "fits"), [
    (1024, 9091, True),  # 90,911 bits, though 1024.bit_length() * 9091 is over 100,000
    (2, 99_999, True), (2, 100_000, False), (3, 63_092, True), (3, 63_093, False)])
def test_a_power_is_refused_exactly_when_it_is_over_the_bits(a, b, fits):
    budgets = Budgets(int_bits=100_000)
    if fits:
        assert operator_for("**", budgets)(a, b).bit_length() <= 100_000
    else:
        with pytest.raises(BudgetError):
            operator_for("**", budgets)(a, b)
