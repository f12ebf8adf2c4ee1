"""Format strings (`str.format`, `format_map`, f-strings, `format()`, `%`) read by our own code:
never a step into the host through a field's `.attr` or `[key]`, and otherwise CPython 3.13's
results and messages exactly."""

from __future__ import annotations

import json
import subprocess
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from app.engine import DEFAULT_BUDGETS, RoundRobin, compile_program, run
from app.engine.formatting import format_method, percent
from app.engine.values import Thrown, fail, type_name
from tests.support.cpython import CPYTHON_TIMEOUT

LEAKS = [
    # (source, uncaught error type, its message)
    ("print('{0.fn.__globals__[dataclass].__globals__[sys].modules[os].environ[HOME]}'"
     ".format(print))", "AttributeError",
     "'builtin_function_or_method' object has no attribute 'fn'"),
    # `__class__` is the simulated type (`type(print)`), which gives no more than its name
    ("print('{0.__class__.__dict__}'.format(print))",
     "AttributeError", "type object 'builtin_function_or_method' has no attribute '__dict__'"),
    ("print('{0.fn.__globals__}'.format(print))",
     "AttributeError", "'builtin_function_or_method' object has no attribute 'fn'"),
    ("print('{0[__builtins__]}'.format(print))",
     "TypeError", "'builtin_function_or_method' object is not subscriptable"),
    ("print('{p.fn.__globals__}'.format_map({'p': print}))",
     "AttributeError", "'builtin_function_or_method' object has no attribute 'fn'"),
    ("print('{p.__init__}'.format(p=len))",
     "AttributeError", "'builtin_function_or_method' object has no attribute '__init__'"),
    ("print(f'{print.fn}')", "AttributeError",
     "'builtin_function_or_method' object has no attribute 'fn'"),
    ("def f():\n    pass\nprint('{0.code}'.format(f))",
     "AttributeError", "'function' object has no attribute 'code'"),
    ("import threading\nprint('{0._waiters}'.format(threading.Condition()))",
     "AttributeError", "'Condition' object has no attribute '_waiters'"),
    ("import threading\nprint('{0.tid}'.format(threading.current_thread()))",
     "AttributeError", "'_MainThread' object has no attribute 'tid'"),
    ("print('{0.__class__.__mro__}'.format(1))",
     "AttributeError", "type object 'int' has no attribute '__mro__'"),
    ("print('%(a)s' % print)", "TypeError", "format requires a mapping"),
    ("print(format(print, 'x'))",
     "TypeError", "unsupported format string passed to builtin_function_or_method.__format__"),
    ("print('%d' % print)", "TypeError",
     "%d format: a real number is required, not builtin_function_or_method"),
    ("import threading\nprint('%x' % threading.Lock())",
     "TypeError", "%x format: an integer is required, not _thread.lock"),
]


def _engine(source: str) -> tuple[list[str], list[tuple[str, str]]]:
    outcome = run(compile_program(source), RoundRobin(1)).outcome
    assert outcome.kind == "done", outcome.reason
    return list(outcome.output), [(e.type, e.message) for e in outcome.errors]


@pytest.mark.parametrize(("source", "kind", "message"), LEAKS, ids=[s for s, _, _ in LEAKS])
def test_a_field_reaches_only_what_the_simulated_value_defines(source, kind, message):
    output, errors = _engine(source)
    assert errors == [(kind, message)]
    assert output == []


def test_our_objects_show_as_the_program_sees_them_never_the_host():
    output, errors = _engine(
        "import threading\nl = threading.Lock()\nd = {'a': print, 'l': l}\n"
        "print('%(a)s %(l)s %(a)r' % d, '%s|%5.3s|%-6s|' % (print, l, [1]))\n"
        "print('{a} {l!r}'.format_map(d), format(print, ''), str(print), [print])\n"
        "print(f'{print!s:>26}|{l!a}|{d!r:.0}', '{0.name}'.format(threading.current_thread()))")
    assert errors == []
    assert output == [
        "<built-in function print> <unlocked _thread.lock object> <built-in function print> "
        "<built-in function print>|  <un|[1]   |",
        "<built-in function print> <unlocked _thread.lock object> <built-in function print> "
        "<built-in function print> [<built-in function print>]",
        " <built-in function print>|<unlocked _thread.lock object>| MainThread",
    ]


def test_a_star_width_is_checked_before_anything_is_built():
    outcome = run(compile_program("x = '%*d' % (30000000, 1)"), RoundRobin(1)).outcome
    assert outcome.kind == "limit" and "a width of 30,000,000" in outcome.reason


@pytest.mark.parametrize("source", [
    "x = '{0:999999}' * 2\ny = x.format(1)",
    "x = '%999999d' * 2\ny = x % (1, 2)",
    "w = 999999\nx = f'{1:{w}}{2:{w}}'",
])
def test_many_fields_within_their_widths_still_make_a_bounded_string(source):
    outcome = run(compile_program(source), RoundRobin(1)).outcome
    assert outcome.kind == "limit" and "over the limit" in outcome.reason


@pytest.mark.parametrize("expression", [
    "f'{x!r}'", "'%r' % (x,)", "'{!r}'.format(x)", "f'{x}'", "'%s' % (x,)", "'%d' % (x,)",
    "'{!a}'.format(x)"])
def test_an_int_too_long_to_show_raises_cpythons_error_in_every_form(expression):
    output, errors = _engine(f"x = 10 ** 5000\ny = {expression}")
    assert errors == [("ValueError", "Exceeds the limit (4300 digits) for integer string "
                                     "conversion; use sys.set_int_max_str_digits() to increase "
                                     "the limit")]


@pytest.mark.parametrize("expression", ["f'{big}'", "f'{big!r}'", "'%s' % (big,)",
                                        "'{}'.format(big)"])
def test_the_text_of_a_small_value_that_shows_huge_is_refused(expression):
    source = f"big = [[0] * 1000] * 30000\ny = {expression}"
    outcome = run(compile_program(source), RoundRobin(1)).outcome
    assert outcome.kind == "limit" and "over the limit of 1,000,000" in outcome.reason


# -- the same answers as CPython 3.13 ----------------------------------------------------------

PREAMBLE = ("d = {'a': 1, 'b': [1, 'x'], 'k': 'v', 0: 'zero'}\nxs = [10, 'x', (1, 2)]\n"
            "e = 'h\\xe9'\n")

EXPRESSIONS = [
    # str.format: numbering, names, items
    "'{} {} {}'.format(1, 'a', None)", "'{1}{0}{1}'.format('a', 'b')", "'{x}-{y}'.format(x=1, y=2)",
    "'{0[1]} {0[2][0]}'.format(xs)", "'{a[b][1]}'.format(a=d)", "'{0[0]}'.format(d)",
    "'{0[a]}'.format(d)", "'{[0]}'.format('abc')", "'{0[ 0]}'.format({' 0': 1})",
    "'{0[-1]}'.format(xs)", "'{0[9]}'.format(xs)", "'{0[x]}'.format(5)", "'{0[z]}'.format(d)",
    "'{}'.format()", "'{1}'.format(1)", "'{a}'.format(1)", "'{0]}'.format([1])",
    "'{0}{}'.format(1, 2)", "'{}{0}'.format(1, 2)", "'{00}'.format(7)",
    "'{0[99999999999999999999]}'.format(xs)", "'{99999999999999999999}'.format(1)",
    # parse errors
    "'{'.format()", "'}'.format()", "'a{0{}'.format()", "'{0[}'.format(1)", "'{0.}'.format(1)",
    "'{0..a}'.format(1)", "'{0[0]x}'.format([1])", "'{!}'.format(1)", "'{!x}'.format(1)",
    "'{!rr}'.format(1)", "'{:}}'.format(1)", "'{:{}'.format(1)", "'{{}}{{'.format()",
    "'{0!x}'.format(1)", "'{a!x}'.format()",
    # conversions and specs
    "'{0!r} {0!s} {0!a}'.format('h\\xe9')", "'{!r:>8}|{!s:^7}|'.format('x', [1])",
    "'{0[0]!r:^7}'.format(['a'])", "'{:>5}|{:<5}|{:^5}|{:*^9}'.format(1, 'a', True, 'mid')",
    "'{:05.1f} {:+d} {:x} {:#o} {:,} {:_b} {:.2%} {:e}'.format(3.14159, 5, 255, 8, 1234567, 10, "
    "0.5, 12345.678)",
    "'{:d}'.format('a')", "'{:>5}'.format(None)", "'{}'.format(None)", "'{:,}'.format('a')",
    "'{:=10}'.format('a')", "'{0:}'.format([1])", "'{0:>3}'.format([1])", "'{:x}'.format(d)",
    "'{:{}}|{:{}{}}'.format('a', 4, 2, '>', 5)", "'{:{:{}}}'.format(1, 2, 3)",
    "'{0:{1}}'.format(1, 'x')", "'{0:{1}}'.format(1, [1])", "'{:{}}{}'.format(1, 5, 3)",
    "'{:.3}|{:.0f}|{:g}'.format('abcdef', 2.5, 1e20)", "'{0!s:>5}'.format(xs)",
    "'{:z}'.format(1)", "'{:%%}'.format(1)", "'{0:.2f}'.format(True)",
    # format_map
    "'{a} {k}'.format_map(d)", "'{}'.format_map({})", "'{0}'.format_map(d)", "'{x}'.format_map(5)",
    "''.format_map(5)", "'{a}'.format_map(xs)", "'{z}'.format_map(d)", "'x'.format_map()",
    "'x'.format_map(d, d)",
    # format()
    "format(3.5, '>8.2f')", "format('a')", "format([1])", "format(xs, '')", "format()",
    "format(1, 2, 3)", "format(1, 2)", "format([1], 'x')", "format(None, 'd')", "format(1, 'z')",
    "format('a', 'd')", "format(True, '>5')", "format(1, '.2%')",
    # f-strings
    "f'{xs!r:>20}|{d[\"k\"]!a}|{3.5:{\"^\"}{7}}|{e!a:>8}'", "f'{None!s:>6}{1:x}'",
    "f'{xs:>5}'", "f'{\"a\":d}'", "f'{1:{\"z\"}}'",
    # %: positional
    "'%s %r %a' % ('h\\xe9', 'h\\xe9', 'h\\xe9')", "'%5.2f|%-6d|%+d|% d|%o|%X|%e|%G' % "
    "(3.14159, 42, 5, 5, 8, 255, 12345.678, 0.00001)", "'%i %u' % (1.9, 2.9)", "'%x' % True",
    "'%c%c' % (65, 'b')", "'%05s|%.3s|%-4s|' % ('a', 'abcdef', 'b')", "'%#x %#o' % (255, 8)",
    "'%s' % (xs,)", "'%s' % xs", "'%r' % (d,)", "'%s' % d", "'%s' % ()", "'%s %s' % (1,)",
    "'%s' % (1, 2)", "'abc' % ()", "'abc' % 5", "'abc' % []", "'abc' % {}", "'%%' % ()",
    "'%5%' % ()", "'%5%' % (1,)", "'%q' % ()", "'%q' % (1,)", "'a%\\x01' % (1,)", "'%' % ()",
    "'%s %' % (1,)", "'%*' % (5,)", "'%.' % ()", "'%-' % ()", "'%ld|%Lf' % (5, 1.5)",
    "'%hhd' % 5", "'%d' % None", "'%d' % '1'", "'%d' % xs", "'%x' % 1.5", "'%f' % 'a'",
    "'%e' % d", "'%c' % xs", "'%c' % 'ab'", "'%c' % 0x110000", "'%c' % -1", "'%c' % 1.5",
    "'%d' % 1e400", "'%d' % float('nan')", "'%s' % True", "'%d' % True", "'%.0s|' % 'a'",
    # %: star
    "'%*d|%-*d|%*d' % (5, 1, 4, 2, -4, 3)", "'%.*f' % (-1, 1.5)", "'%.*f' % (2, 1.5)",
    "'%0*d' % (5, 3)", "'%*d' % ('x', 1)", "'%.*s' % ('x', 'abc')", "'%*.*f' % (8, 2, 3.14159)",
    "'%*d' % (5,)",
    # %: keys
    "'%(a)s %(k)r %(b)s' % d", "'%(a)d%%' % d", "'%(a)5.1f|%(k)-3s|' % d", "'%(z)s' % d",
    "'%(a)s %s' % d", "'%s %s' % d", "'%(a)s' % xs", "'%(a)s' % range(3)", "'%(a)s' % 5",
    "'%(a)s' % (d,)", "'%(a' % d", "'%(a)' % d", "'%(a)%' % d", "'%((a))s' % {'(a)': 2}",
    "'%(a)*d' % d", "'%(a)s' % {'a': xs}",
]


def _program(expression: str) -> str:
    return f"{PREAMBLE}print(repr({expression}))\n"


_BATCH = r"""
import contextlib, io, json, sys
results = []
for source in json.load(sys.stdin):
    out = io.StringIO()
    error = None
    with contextlib.redirect_stdout(out):
        try:
            exec(compile(source, "<program>", "exec"), {"__name__": "__main__"})
        except Exception as e:
            error = [type(e).__name__, str(e)]
    results.append({"output": out.getvalue().splitlines(), "error": error})
json.dump(results, sys.stdout)
"""


@pytest.fixture(scope="module")
def cpython_answers(cpython_exe: str) -> dict[str, dict[str, Any]]:
    """Every expression's answer from real CPython, in one interpreter run."""
    sources = [_program(e) for e in EXPRESSIONS]
    done = subprocess.run([cpython_exe, "-c", _BATCH], input=json.dumps(sources),
                          capture_output=True, text=True, timeout=CPYTHON_TIMEOUT, check=True)
    return dict(zip(EXPRESSIONS, json.loads(done.stdout), strict=True))


@pytest.mark.parametrize("expression", EXPRESSIONS)
def test_a_format_answers_as_cpython(cpython_answers, expression):
    expected = cpython_answers[expression]
    output, errors = _engine(_program(expression))
    assert output == expected["output"]
    assert [list(e) for e in errors] == ([expected["error"]] if expected["error"] else [])


# -- properties: our reading of a format agrees with the real one on plain data ----------------

_SCALARS = st.one_of(st.integers(-300, 300), st.floats(-1e6, 1e6, allow_nan=False),
                     st.text("ab\xe9", max_size=3), st.booleans(), st.none())


def _answer(fn: Any) -> tuple[str, str]:
    try:
        return ("ok", fn())
    except Thrown as e:
        return (e.exc.type, e.exc.message)
    except Exception as e:  # noqa: BLE001 - the real call's error, to compare
        return (type(e).__name__, str(e) if not isinstance(e, KeyError) else repr(e.args[0]))


def _no_attribute(value: Any, name: str) -> Any:
    raise fail("AttributeError", f"'{type_name(value)}' object has no attribute '{name}'")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["%", "%%", "s", "r", "a", "d", "x", "f", "c", "q", "(a)",
                                 "(", ")", "*", ".", "-", "0", "5", "#", "+", " ", "l", "z"]),
                max_size=8).map("".join),
       st.one_of(st.lists(_SCALARS, max_size=3).map(tuple), _SCALARS,
                 st.dictionaries(st.sampled_from(["a", "b"]), _SCALARS)))
def test_percent_agrees_with_the_real_one_on_plain_values(text, values):
    assert _answer(lambda: percent(text, values, DEFAULT_BUDGETS)) == _answer(
        lambda: text % values)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["{", "}", "{}", "0", "1", "a", ":", ">", "5", ".2", "!r", "!s",
                                 "!a", "[0]", "[a]", ".x", "d", "x", "{{", "}}", ",", "f"]),
                max_size=8).map("".join),
       st.lists(st.one_of(_SCALARS, st.lists(_SCALARS, max_size=2)), max_size=3),
       st.dictionaries(st.sampled_from(["a", "b"]), _SCALARS))
# A spec CPython refuses whatever its numbers, with a number over the budget: its error first.
@example("{}{:{}}", [0, 0, 0.3046875], {})
@example("{}{:a{}}", [0, 0, 0.3046875], {})
def test_str_format_agrees_with_the_real_one_on_plain_values(text, args, kwargs):
    ours = _answer(lambda: format_method(text, "format", args, kwargs, DEFAULT_BUDGETS,
                                         _no_attribute))
    assert ours == _answer(lambda: text.format(*args, **kwargs))
