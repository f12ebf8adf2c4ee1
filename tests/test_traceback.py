"""stdlib/traceback.py: the report of an exception a program caught, against CPython 3.13
(the `cpython_worker` fixture): the same first and last lines (the simulation keeps no
frames, so the lines between are not compared)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.support.running import as_cpython_worker

Answer = Callable[[str], dict[str, Any]]

RAISES = ["1 / 0", "{}['k']", "raise ValueError('bad', 2)", "raise KeyError",
          "class E(Exception):\n        pass\n    raise E('mine')", "[][1]",
          "raise RuntimeError('a\\nb')", "int('x')"]


@pytest.mark.parametrize("raising", RAISES)
def test_a_report_begins_and_ends_as_cpythons(cpython_worker: Answer, raising):
    source = (f"import sys\nimport traceback\ntry:\n    {raising}\nexcept Exception as e:\n"
              f"    lines = traceback.format_exc().splitlines()\n"
              f"    print(lines[0], '|', lines[-1])\n"
              f"    print(traceback.format_exception_only(e))\n"
              f"    print(traceback.format_exception_only(type(e), e))\n"
              f"    report = traceback.format_exception(e)\n"
              f"    print(report[0], '|', report[-1])\n"
              f"    traceback.print_exc(file=sys.stdout)\n")
    expected, got = cpython_worker(source)["output"], as_cpython_worker(source)["output"]
    head = expected.index("", 1) + 2  # up to print_exc's first line
    assert got[:head] == expected[:head]
    assert got[head - 1] == "Traceback (most recent call last):"
    assert got[-1] == expected[-1]


def test_no_exception_being_handled(cpython_worker: Answer):
    source = ("import traceback\nprint(repr(traceback.format_exc()))\n"
              "traceback.print_exc()\n")
    assert as_cpython_worker(source) == cpython_worker(source)


@pytest.mark.parametrize("raising", ["1 / 0", "raise KeyError('k')",
                                     "class E(Exception):\n        pass\n    raise E('mine')"])
def test_exc_info_names_the_exception_being_handled(cpython_worker: Answer, raising):
    source = (f"import sys\nprint(sys.exc_info())\ntry:\n    {raising}\nexcept Exception as e:\n"
              f"    kind, value, tb = sys.exc_info()\n"
              f"    print(kind.__name__, value, value is e, kind is type(e))\n"
              f"print(sys.exc_info())\n")
    assert as_cpython_worker(source) == cpython_worker(source)
