"""builtin_functions.py: the built-ins a program names without an import answer as CPython
3.13's (the `cpython_worker` fixture), their refusals included: the engine's own functions'
names and signatures never show in a message."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import pytest

from app.engine import RoundRobin, compile_program, run
from app.engine.library import BUILTINS
from tests.support.running import as_cpython_worker

Answer = Callable[[str], dict[str, Any]]

def _program(call: str) -> str:
    return (f"try:\n    print(repr({call}))\n"
            f"except Exception as e:\n    print(type(e).__name__, e)\n")


CALLS = [
    # refused calls, in CPython's words
    "len()", "len(1, 2)", "len(x=1)", "len([], x=1)", "len(5)", "len(print)",
    "repr()", "repr(1, 2)", "repr(x=1)", "round()", "round(1, 2, 3)", "round(x=1)",
    "round(1, x=1)", "round(1.5, ndigits=None, x=2)", "round(1, number=2)",
    "reversed()", "reversed(1, 2)", "reversed(seq=[1])", "reversed(5)", "reversed({1})",
    "reversed(x for x in 'ab')", "reversed(iter([1]))", "range()", "range(x=1)",
    "range(1, 2, 3, 4)", "range(1, x=2)", "next()", "next(x=1)", "next(1, 2, 3)", "next(5)",
    "iter()", "iter([], x=1)", "iter(1, 2, 3)", "iter(5)", "iter(5, 1)",
    "str(1, 2, 3, 4)", "str(x=1)", "str(1, x=2)", "str(object=1, x=2)", "str(1, 2)",
    "str('a', 'utf-8')", "str(1, errors='x')", "print(1, foo=2, bar=3)", "print(1, sep=5)",
    "print(1, end=[])", "sum()", "sum(x=1)", "sum([1], 2, 3)", "sum(['a'], '')",
    "divmod()", "divmod(1, 0)", "abs()", "abs('a')", "any(5)", "min()", "sorted()",
    "sorted([1], 2)", "float('x')", "bool(1, 2)", "list(5)", "dict(5)", "dict([1])",
    "set([[1]])", "tuple(x=1)", "zip(5)", "enumerate(5)",
    # answers
    "str()", "str(object=[1])", "str(encoding='x')", "repr([1, 'a'])", "round(2.675, 2)",
    "round(5, -1)", "round(number=1.5)", "round(-7.5)",
    "list(reversed(range(3)))", "list(reversed('abc'))", "list(reversed({1: 2, 3: 4}))",
    "list(reversed((1, 2)))", "next(iter([1]))", "next(iter([]), 'end')",
    "list(iter([1, 2]))", "sum([[1], [2]], [])", "sum([1.5, 2], 1)", "sum(range(10))",
    "sum([1], start=2)", "sum(x for x in range(4))", "divmod(-7, 2)", "abs(-2.5)",
    "any([0, '', 1])", "all(x > 0 for x in [1, -1])", "list(zip('ab', range(5)))",
    "list(enumerate('ab', 1))", "dict([(1, 2)], a=3)", "sorted({3, 1, 2})",
    "int('ff', 16)", "int('  7 ')", "float(' 1e3 ')", "bool([])", "frozenset([1, 1])",
    "max('abc')", "min([3, 1], default=0)", "__name__", "NotImplemented",
]


@pytest.mark.parametrize("call", CALLS)
def test_a_builtin_answers_as_in_cpython(cpython_worker: Answer, call):
    source = _program(call)
    assert as_cpython_worker(source) == cpython_worker(source)


@pytest.mark.xfail(sys.version_info < (3, 13), strict=True,
                   reason="the host interpreter's (3.11) wording reaches the program: 'int() "
                          "takes at most 2 arguments (3 given)', \"'x' is an invalid keyword "
                          "argument for int()\"")
@pytest.mark.parametrize("call", ["int(1, 2, 3)", "int(x=1)", "'a'.split(x=1)"])
def test_a_host_builtins_refusal_is_worded_as_in_3_13(cpython_worker: Answer, call):
    source = _program(call)
    assert as_cpython_worker(source) == cpython_worker(source)


def test_print_writes_what_cpython_writes(cpython_worker: Answer):
    source = ("print(1, 'a', [None], sep='|', end='$\\n')\nprint()\nprint(sep=None, end=None)\n"
              "print('x', 'y', sep='')\nprint(*range(3))\nprint({'k': (1,)}, 2.0, -0.0)\n")
    assert as_cpython_worker(source) == cpython_worker(source)


def test_every_builtin_a_program_names_is_in_the_table():
    for name in ("print", "len", "round", "reversed", "range", "next", "iter", "str", "repr",
                 "sum", "sorted", "min", "max", "chr", "abs", "any", "all", "zip"):
        assert name in BUILTINS


def test_print_is_a_step_and_len_only_of_a_container():
    program = compile_program("import threading\nxs = [1]\ndef g():\n    a = len('abc')\n"
                              "    b = len(xs)\n    print(a, b)\n"
                              "threading.Thread(target=g).start()\n")
    lines = [s.line for s in run(program, RoundRobin()).steps]
    assert 4 not in lines and 5 in lines and 6 in lines


def test_round_of_a_huge_negative_digit_count_answers_at_once():
    outcome = run(compile_program("print(round(10 ** 300, -14000000))"), RoundRobin()).outcome
    assert list(outcome.output) == ["0"]
