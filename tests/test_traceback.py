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


OWN_TEXT = """\
import traceback
class JobError(Exception):
    def __init__(self, job_id, message):
        super().__init__(message)
        self.job_id = job_id
    def __str__(self):
        return f"[job {self.job_id}] {self.args[0]}"
"""


@pytest.mark.parametrize("program", [
    "try:\n    raise JobError(9, 'boom')\nexcept JobError as e:\n"
    "    print(traceback.format_exception_only(type(e), e), traceback.format_exception_only(e))"
    "\n    print(traceback.format_exc().splitlines()[-1])",
    "try:\n    raise ValueError('v')\nexcept ValueError as e:\n    e.add_note('first')\n"
    "    e.add_note('second')\n    print(e.__notes__, traceback.format_exception_only(e))\n"
    "    print(traceback.format_exc().splitlines()[-3:])",
    "e = KeyError('k')\nprint(getattr(e, '__notes__', None))\ntry:\n    e.add_note(5)\n"
    "except TypeError as t:\n    print(t)\ntry:\n    e.__notes__\nexcept AttributeError as a:\n"
    "    print('no notes')",
])
def test_a_report_words_the_exception_by_its_own_str_and_notes(cpython_worker: Answer,
                                                               program):
    source = OWN_TEXT + program + "\n"
    assert as_cpython_worker(source) == cpython_worker(source)


@pytest.mark.parametrize("raising", ["1 / 0", "raise KeyError('k')",
                                     "class E(Exception):\n        pass\n    raise E('mine')"])
def test_exc_info_names_the_exception_being_handled(cpython_worker: Answer, raising):
    source = (f"import sys\nprint(sys.exc_info())\ntry:\n    {raising}\nexcept Exception as e:\n"
              f"    kind, value, tb = sys.exc_info()\n"
              f"    print(kind.__name__, value, value is e, kind is type(e))\n"
              f"print(sys.exc_info())\n")
    assert as_cpython_worker(source) == cpython_worker(source)
