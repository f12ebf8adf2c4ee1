"""conversions.py: chr, ord, hex, bin, oct, ascii and pow, compared with CPython 3.13 (complex:
test_complex.py)."""

from __future__ import annotations

import subprocess

import pytest

from app.engine import compile_program
from app.engine.conversions import CONVERSIONS
from app.engine.errors import BudgetError
from app.engine.machine import Machine

CPYTHON = "/root/.pyenv/versions/3.13.0/bin/python"

CASES = [
    "chr(65)", "chr(0x1F600)", "chr(-1)", "chr(1.5)", "chr('a')", "chr(True)",
    "ord('a')", "ord('é')", "ord('ab')", "ord('')", "ord(5)",
    "hex(255)", "hex(-1)", "hex(True)", "hex(1.0)", "hex('1')",
    "bin(5)", "bin(-5)", "bin(0)", "bin(None)",
    "oct(8)", "oct(-8)", "oct([1])",
    "ascii('é')", "ascii('a')", "ascii(['ü', 1])", "ascii({'k': 'ñ'})", "ascii(None)",
    "pow(2, 10)", "pow(2, -1)", "pow(2, 10, 1000)", "pow(3, -1, 7)", "pow(2, 3, 0)",
    "pow(2.0, 3, 5)", "pow(2, 3, 5.0)", "pow('a', 3.0, 5)", "pow('a', 3, 5)", "pow(2, 3, 'x')",
    "pow(0, -1)", "pow(-8, 0.5)", "pow(2, 3, -5)",
]


def _program(expression: str) -> str:
    return (f"try:\n    print(repr({expression}))\n"
            f"except Exception as e:\n    print(type(e).__name__, e)\n")


def _engine(source: str) -> list[str]:
    m = Machine(compile_program(source))
    while not m.over():
        m.step(m.enabled()[0])
    return m.output


def _cpython(source: str) -> list[str]:
    out = subprocess.run([CPYTHON, "-c", source], capture_output=True, text=True, check=True)
    return [out.stdout]


def test_every_conversion_is_a_builtin() -> None:
    assert set(CONVERSIONS) == {"chr", "ord", "hex", "bin", "oct", "pow", "ascii", "bytes",
                                "complex", "bytearray"}


@pytest.mark.parametrize("expression", CASES)
def test_matches_cpython(expression: str) -> None:
    source = _program(expression)
    assert "".join(_engine(source)) == "".join(_cpython(source))


def test_modular_pow_is_sized_against_the_integer_budget() -> None:
    m = Machine(compile_program("pass\n"))
    pow_ = CONVERSIONS["pow"]
    assert pow_(m, m.threads[0], 3, 2**64, 1_000_003) == pow(3, 2**64, 1_000_003)
    wide = 2**99_000
    with pytest.raises(BudgetError, match="over the limit"):
        pow_(m, m.threads[0], 3, wide, wide + 1)
