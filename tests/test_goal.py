"""`goal`: small expressions over a state, parsed with `ast` and evaluated by walking the tree;
`at()` goals hold along the way, other goals at the end only."""

from __future__ import annotations

import ast
import textwrap

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.engine import CompileError, Machine, compile_program, parse_goal
from app.engine.goal import MAX_GOAL


def _ended(source: str) -> Machine:
    """A machine for `source`, run by its first enabled thread until no thread can move."""
    m = Machine(compile_program(textwrap.dedent(source)))
    while m.enabled():
        m.step(m.enabled()[0])
    return m


STATE = """
import threading
x = 7
items = [1, 2, 3]
name = "ada"
lock = threading.Lock()
print("hello")
print("world")
def fail():
    [][0]
t = threading.Thread(target=fail)
t.start()
t.join()
"""

# Lines 6 and 7 are the loop (line 1 is blank): both threads can be on them at once.
TWO_LOOPS = """
import threading
counter = 0
def work():
    global counter
    for _ in range(2):
        counter += 1
threads = [threading.Thread(target=work) for _ in range(2)]
for t in threads:
    t.start()
"""


@pytest.mark.parametrize(("text", "col", "message"), [
    ("x ==== 1", 5, "SyntaxError in goal"),
    ("x == (1", 6, "SyntaxError in goal: '(' was never closed"),
    ("x.y == 1", 1, "`Attribute` is not allowed"),
    ("x == 1 and print(2)", 12, "may only call"),
    ("x == items.count(2)", 6, "may only call"),
    ("2 ** x > 1", 1, "`Pow` is not allowed"),
    ("x << 1 > 1", 1, "`LShift` is not allowed"),
    ("[i for i in items]", 1, "`ListComp` is not allowed"),
    ("lambda: 1", 1, "`Lambda` is not allowed"),
    ("x if x else 1", 1, "`IfExp` is not allowed"),
])
def test_a_goal_that_is_not_one_is_a_compile_error_with_its_position(
        text: str, col: int, message: str) -> None:
    with pytest.raises(CompileError) as caught:
        parse_goal(text)
    assert caught.value.line == 1
    assert caught.value.col == col
    assert message in caught.value.message


def test_a_syntax_error_hints_at_what_a_goal_is() -> None:
    with pytest.raises(CompileError) as caught:
        parse_goal("x = 1")
    assert "one expression" in caught.value.hint


def test_a_goal_too_long_is_refused_before_parsing() -> None:
    parse_goal("x == " + "1" * (MAX_GOAL - 5))
    with pytest.raises(CompileError, match="over 500 characters"):
        parse_goal("x == " + "1" * (MAX_GOAL - 4))


def test_a_goal_keeps_its_stripped_text_and_says_whether_it_uses_at() -> None:
    assert parse_goal("  x == 1 \n").text == "x == 1"
    assert not parse_goal("x == 1").anytime
    assert parse_goal("at(3) >= 2").anytime
    assert parse_goal("max(at(3, 4), x) >= 2").anytime


def test_parts_that_read_nothing_of_the_state_are_worked_out_once() -> None:
    body = parse_goal("x == 2 + 3 * 4").tree.body
    assert isinstance(body, ast.Compare)
    assert isinstance(body.comparators[0], ast.Constant)
    assert body.comparators[0].value == 14
    # Left to fail where it is evaluated: an unmet goal, not a parse error.
    assert isinstance(parse_goal("x == 1 // 0").tree.body.comparators[0], ast.BinOp)


def test_an_end_goal_holds_only_at_the_end() -> None:
    m = _ended(STATE)
    goal = parse_goal("x == 7")
    assert goal.holds(m, True)
    assert goal(m, True)
    assert not goal.holds(m, False)
    assert not parse_goal("x == 8").holds(m, True)


@pytest.mark.parametrize("text", [
    "done", "not deadlock", "output == ['hello', 'world']", "'IndexError' in errors",
    "len(errors) == 1", "items[1] == 2", "sum(items) == 6", "min(items) < max(items)",
    "abs(-x) == 7", "any([x > 9, x > 6])", "all([x > 6, name == 'ada'])", "0 < x < 10",
    "name + '!' == 'ada!'", "x // 2 == 3 and x % 2 == 1", "(x, 1) == [7, 1]",
    "x - 10 / 4 == 4.5", "sum([items, [4]], []) == [1, 2, 3, 4]", "x is not None",
    "'IndexError' not in output",
])
def test_names_and_functions_a_goal_knows(text: str) -> None:
    assert parse_goal(text).holds(_ended(STATE), True)


@pytest.mark.parametrize("text", [
    "missing == 1", "lock == 1", "items[5] == 1", "x / 0 > 1", "name + 1 == 2",
    "not missing", "deadlock",
])
def test_what_a_state_cannot_answer_leaves_the_goal_unmet(text: str) -> None:
    assert not parse_goal(text).holds(_ended(STATE), True)


def test_deadlock_and_done_tell_the_two_ends_apart() -> None:
    m = _ended("""
    import threading
    lock = threading.Lock()
    lock.acquire()
    lock.acquire()
    """)
    assert parse_goal("deadlock").holds(m, True)
    assert not parse_goal("done").holds(m, True)
    assert not parse_goal("deadlock").holds(m, False)


def test_at_counts_the_live_threads_whose_next_step_is_on_a_line() -> None:
    m = Machine(compile_program(textwrap.dedent(TWO_LOOPS)))
    both = parse_goal("at(6, 7) >= 2")
    assert both.anytime
    seen = []
    while m.enabled():
        seen.append(both.holds(m, False))
        m.step(m.enabled()[0])  # MainThread starts both, then each runs in turn
    assert True in seen and False in seen
    assert not both.holds(m, True)  # the threads have ended
    assert parse_goal("at(1, 100) == 0").holds(m, True)


@given(x=st.integers(-50, 50), a=st.integers(-5, 5),
       op=st.sampled_from(["+", "-", "*", "//", "%"]),
       cmp=st.sampled_from(["==", "!=", "<", "<=", ">", ">="]), b=st.integers(-60, 60))
def test_arithmetic_goals_agree_with_python(x: int, a: int, op: str, cmp: str, b: int) -> None:
    m = _ended(f"x = {x}")
    text = f"x {op} {a} {cmp} {b}"
    try:
        expected = eval(text, {"x": x})  # the oracle: plain Python on plain ints
    except ZeroDivisionError:
        expected = False
    assert parse_goal(text).holds(m, True) is expected
