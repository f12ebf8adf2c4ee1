"""program.py: what compiling finds about a program — the globals whose every access is a step
(a function names them and they may change), the globals functions name, whether its classes
define a special method Python's operators call, its budgets and its lines."""

from __future__ import annotations

import pytest

from app.engine import compile_program
from app.engine.budgets import Budgets

SOURCE = """\
import threading
counter = 0
limit = 10
unused = []
def work():
    global counter
    counter += 1
    return limit
t = threading.Thread(target=work)
"""


def test_a_global_a_function_names_is_shared_unless_it_never_changes():
    program = compile_program(SOURCE)
    assert "counter" in program.shared
    assert "limit" not in program.shared  # bound once: every read sees the same value
    assert "unused" not in program.shared
    assert {"counter", "limit"} <= program.named_in_functions
    assert "unused" not in program.named_in_functions
    assert "limit" in compile_program(SOURCE + "limit = 20\n").shared


@pytest.mark.parametrize(("body", "special"), [
    ("def __eq__(self, other):\n        return True", True),
    ("def __str__(self):\n        return 's'", True),
    ("def __lt__(self, other):\n        return True", True),
    ("def __len__(self):\n        return 0", True),
    ("def total(self):\n        return 0", False),
    ("def __init__(self):\n        self.x = 1", False),
])
def test_a_class_with_an_operators_special_method_marks_the_program(body, special):
    assert compile_program(f"class K:\n    {body}\n").special == special


def test_lines_are_the_sources_stripped_and_empty_past_either_end():
    program = compile_program(SOURCE)
    assert program.lines == tuple(SOURCE.splitlines())
    assert program.line(7) == "counter += 1"
    assert program.line(0) == program.line(len(program.lines) + 1) == ""
    assert program.filename == "<program>" and program.source == SOURCE


def test_a_program_keeps_the_budgets_it_was_compiled_under():
    budgets = Budgets(items=10)
    assert compile_program("x = 1\n", budgets=budgets).budgets is budgets
