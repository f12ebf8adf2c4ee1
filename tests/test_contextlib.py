"""stdlib/contextlib.py: `contextmanager`, `suppress` and `nullcontext`, against CPython 3.13
(the `cpython_worker` fixture)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.support.running import as_cpython_worker

Answer = Callable[[str], dict[str, Any]]

PRELUDE = """\
import contextlib
@contextlib.contextmanager
def tag(name):
    print('<' + name + '>')
    try:
        yield name.upper()
    finally:
        print('</' + name + '>')
@contextlib.contextmanager
def swallow():
    try:
        yield
    except ValueError as e:
        print('swallowed', e)
@contextlib.contextmanager
def twice():
    yield 1
    yield 2
@contextlib.contextmanager
def never():
    if False:
        yield
@contextlib.contextmanager
def stubborn():
    try:
        yield
    except ValueError:
        yield
"""

PROGRAMS = [
    "with tag('b') as t:\n    print('inside', t)",
    "with tag('a'):\n    with tag('b'):\n        print('deep')",
    "with swallow():\n    raise TypeError('t')",
    "with contextlib.suppress(KeyError, IndexError):\n    [][1]\nprint('suppressed')",
    "with contextlib.suppress(KeyError):\n    1 / 0",
    "with contextlib.suppress():\n    print('nothing')",
    "with contextlib.nullcontext(5) as v:\n    print(v)\nwith contextlib.nullcontext() as w:\n"
    "    print(w)",
    "with tag(5):\n    pass",
    # the block's exception is thrown into the generator at its yield
    "with tag('x'):\n    raise KeyError('k')",
    "with swallow():\n    raise ValueError('v')\nprint('after')",
]


@pytest.mark.parametrize("program", PROGRAMS)
def test_context_managers_answer_as_in_cpython(cpython_worker: Answer, program):
    source = PRELUDE + "try:\n" + "".join(f"    {line}\n" for line in program.splitlines()) + (
        "except Exception as e:\n    print(type(e).__name__, e)\n")
    assert as_cpython_worker(source) == cpython_worker(source)


@pytest.mark.parametrize("program", ["with twice() as v:\n    print(v)",
                                     "with never():\n    pass",
                                     "with stubborn():\n    raise ValueError('v')"])
def test_a_generator_that_yields_twice_or_never_is_refused(cpython_worker: Answer, program):
    """CPython's RuntimeErrors: 'generator didn't stop' (after throw()), 'didn't yield'."""
    source = PRELUDE + "try:\n" + "".join(f"    {line}\n" for line in program.splitlines()) + (
        "except Exception as e:\n    print(type(e).__name__, e)\n")
    assert as_cpython_worker(source) == cpython_worker(source)

