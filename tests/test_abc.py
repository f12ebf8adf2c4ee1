"""stdlib/abc.py: abstract classes (`ABC`, `ABCMeta`, `abstractmethod`), against CPython 3.13
(the `cpython_worker` fixture)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.support.running import as_cpython_worker

Answer = Callable[[str], dict[str, Any]]

PRELUDE = """\
from abc import ABC, ABCMeta, abstractmethod
class Shape(ABC):
    @abstractmethod
    def area(self):
        pass
    @abstractmethod
    def name(self):
        return 'shape'
    def describe(self):
        return f'{self.name()} of area {self.area()}'
class Square(Shape):
    def __init__(self, side):
        self.side = side
    def area(self):
        return self.side ** 2
    def name(self):
        return 'square ' + super().name()
class Half(Shape):
    def area(self):
        return 0
class Meta(metaclass=ABCMeta):
    @abstractmethod
    def run(self):
        pass
"""

PROGRAMS = [
    "print(Square(3).describe(), isinstance(Square(1), Shape), issubclass(Square, Shape))",
    "Shape()", "Half()", "Meta()",
    "class Done(Meta):\n    def run(self):\n        return 'ran'\nprint(Done().run())",
    "class Plain(ABC):\n    pass\nprint(type(Plain()).__name__)",
    "class Later(Half):\n    def name(self):\n        return 'later'\nprint(Later().describe())",
]


@pytest.mark.parametrize("program", PROGRAMS)
def test_abstract_classes_answer_as_in_cpython(cpython_worker: Answer, program):
    source = PRELUDE + "try:\n" + "".join(f"    {line}\n" for line in program.splitlines()) + (
        "except Exception as e:\n    print(type(e).__name__, e)\n")
    assert as_cpython_worker(source) == cpython_worker(source)


def test_abc_itself_is_a_class(cpython_worker: Answer):
    source = PRELUDE + ("class Plain:\n    pass\nprint(issubclass(Square, ABC), "
                        "isinstance(Square(1), ABC), issubclass(Plain, ABC), "
                        "isinstance(Plain(), (ABC, int)), issubclass(Shape, (int, ABC)))\n")
    assert as_cpython_worker(source) == cpython_worker(source)

