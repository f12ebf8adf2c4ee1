"""stdlib/enum.py: `Enum`, `IntEnum`, `auto` and `unique`, against CPython 3.13 (the
`cpython_worker` fixture)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.support.running import as_cpython_worker

Answer = Callable[[str], dict[str, Any]]

PRELUDE = """\
from enum import Enum, IntEnum, StrEnum, auto, unique
class Way(StrEnum):
    NORTH = auto()
    EAST = 'East'
class Color(Enum):
    RED = 1
    GREEN = 'g'
    BLUE = (3, 4)
@unique
class State(Enum):
    IDLE = auto()
    BUSY = auto()
class Level(IntEnum):
    LOW = 1
    HIGH = 5
"""

PROGRAMS = [
    "print(Color.RED, repr(Color.GREEN), Color.BLUE.value, Color.RED.name, Color(1), "
    "Color['GREEN'])",
    "print(list(Color), len(Color), [c.name for c in State], State.BUSY.value)",
    "print(Color.RED == Color.RED, Color.RED is Color(1), Color.RED == 1, Color.RED in Color)",
    "print(Level.LOW < Level.HIGH, Level.HIGH + 1, Level.LOW == 1, int(Level.HIGH), "
    "sorted([Level.HIGH, Level.LOW]), [0, 1, 2][Level.LOW])",
    "print(isinstance(Color.RED, Color), isinstance(Level.LOW, int), type(Color.RED).__name__)",
    "Color(9)", "Color['NOPE']", "Color.NOPE", "Color.RED < Color.GREEN",
    "print({Color.RED: 'r'}[Color.RED], hash(Color.RED) == hash(Color.RED))",
    "print(f'{Color.RED}', f'{Level.HIGH}', str(Level.LOW), repr(Level.LOW), Level(5))",
    "print(State.IDLE.name, State['BUSY'] is State.BUSY)",
    "print(Way.NORTH.upper(), Way.EAST.lower(), Way('East').startswith('E'), "
    "Level.HIGH.bit_length(), Way.NORTH.title() == 'North')",
    "Color.RED.upper()",
]


@pytest.mark.parametrize("program", PROGRAMS)
def test_enums_answer_as_in_cpython(cpython_worker: Answer, program):
    source = PRELUDE + "try:\n" + "".join(f"    {line}\n" for line in program.splitlines()) + (
        "except Exception as e:\n    print(type(e).__name__, e)\n")
    assert as_cpython_worker(source) == cpython_worker(source)


def test_a_members_name_and_value_cannot_be_set(cpython_worker: Answer):
    source = PRELUDE + ("for member in (Color.RED, Level.LOW):\n"
                        "    for name in ('value', 'name'):\n"
                        "        try:\n            setattr(member, name, 2)\n"
                        "        except AttributeError as e:\n            print(e)\n"
                        "Color.RED.note = 'ok'\nprint(Color.RED.note, Color.RED.value)\n")
    assert as_cpython_worker(source) == cpython_worker(source)

