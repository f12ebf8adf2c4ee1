"""Exception chaining (instructions/exceptions.py, calls.py): `__cause__`, `__context__`,
`__suppress_context__` as CPython 3.13 sets them for a `raise` in an `except` block, with and
without `from`, and as a program sets them by hand; `__traceback__`, None until it is raised
(its frames: test_tracebacks.py)."""

from __future__ import annotations

import pytest

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

SET_BY_HAND = """
try:
    raise ValueError("a")
except ValueError as e:
    e.__suppress_context__ = True
    e.__cause__ = KeyError("k")
    print(e.__cause__, e.__suppress_context__)
class E(Exception):
    pass
e = E("x")
e.__context__ = None
e.code = 5
print(e.code, e.__context__)
e2 = E("y")
e2.__cause__ = e
print(e2.__suppress_context__, e2.__cause__)
for v in (5, "x"):
    try:
        e2.__cause__ = v
    except TypeError as err:
        print(err)
try:
    e2.__suppress_context__ = 1
except TypeError as err:
    print(err)
e2.__cause__ = None
print(e2.__cause__, e2.__suppress_context__)
"""

#: Exceptions that operations and called functions raise in an `except` block, a `break`,
#: `return` and `continue` out of one, and a re-raise that would make a cycle.
LEAVING = """
def f():
    return {}["k"]
def g():
    try:
        raise TypeError("t")
    except TypeError:
        return 1 / 0
for fn in (lambda: [][0], f):
    try:
        try:
            int("x")
        except ValueError:
            fn()
    except Exception as e:
        print(repr(e), repr(e.__context__), repr(e.__context__.__context__))
try:
    try:
        raise KeyError("a")
    except KeyError as k:
        try:
            raise ValueError("v")
        except ValueError as v:
            print(repr(v.__context__))
        for i in range(3):
            if i == 1:
                break
        print("after", i)
        raise
except KeyError as e:
    print(repr(e), e.__context__)
def h():
    for i in range(3):
        try:
            raise OSError(i)
        except OSError:
            if i == 1:
                return i
            continue
print(h())
try:
    try:
        raise ValueError(1)
    except ValueError as a:
        try:
            raise TypeError(2)
        except TypeError as b:
            raise a
except ValueError as e:
    print(repr(e.__context__), repr(e.__context__.__context__))
"""


@pytest.mark.parametrize("source", [CHAINS, SET_BY_HAND, LEAVING], ids=["raise", "set", "leave"])
def test_chaining_is_as_in_cpython(run_cpython, source):
    assert as_run_cpython(source, RoundRobin()) == run_cpython(source)


def test_an_exception_s_traceback_is_none_until_it_is_raised():
    done = outcome("""
        e = KeyError("k")
        print(e.__traceback__)
        try:
            raise e
        except KeyError:
            print(type(e.__traceback__).__name__, e.__traceback__.tb_lineno)
    """)
    assert done.output == ("None", "traceback 5")
