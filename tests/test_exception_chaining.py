"""Exception chaining (instructions/exceptions.py, calls.py): `__cause__`, `__context__`,
`__suppress_context__` as CPython 3.13 sets them for a `raise` in an `except` block, with and
without `from`; `__traceback__` reads, as None (no traceback object is modelled)."""

from __future__ import annotations

from app.engine import RoundRobin
from tests.support.running import as_run_cpython, outcome

CHAINS = """
class AppError(Exception):
    pass
def lookup(d, k):
    try:
        return d[k]
    except KeyError as e:
        raise AppError(f"missing {k}") from e
def parse(s):
    try:
        return int(s)
    except ValueError:
        raise AppError("bad")
def quiet():
    try:
        1 / 0
    except ZeroDivisionError:
        raise AppError("quiet") from None
for fn in (lambda: lookup({}, "x"), lambda: parse("x"), quiet):
    try:
        fn()
    except AppError as e:
        print(repr(e), repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
try:
    raise ValueError("plain")
except ValueError as e:
    print(e.__cause__, e.__context__, e.__suppress_context__)
try:
    try:
        raise KeyError("a")
    except KeyError:
        raise
except KeyError as e:
    print(repr(e.__context__))
"""


def test_a_raise_while_handling_chains_as_in_cpython(run_cpython):
    assert as_run_cpython(CHAINS, RoundRobin()) == run_cpython(CHAINS)


def test_an_exception_s_traceback_reads_as_none():
    done = outcome("""
        try:
            1 / 0
        except ZeroDivisionError as e:
            print(e.__traceback__)
    """)
    assert done.output == ("None",)
