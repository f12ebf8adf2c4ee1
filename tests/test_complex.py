"""Complex numbers: literals, `complex()` (conversions.py), their arithmetic, parts
(`.real`, `.imag`, `.conjugate()`, and an int's or float's), hash and formats, compared with
CPython 3.13."""

from __future__ import annotations

import pytest

from tests.support.running import as_cpython_worker, outcome

EXPRESSIONS = [
    "3j", "complex(1, 2)", "complex()", "complex(2)", "complex(imag=2)", "complex('  (1+2j) ')",
    "complex(True, 1.5)", "complex('1e999999j')", "complex(1j, 1j)", "complex([])",
    "complex(1, 'x')", "complex('1', 2)", "complex('abc')", "complex(None)", "complex(1, 2, 3)",
    "complex(real=1, imag=2, x=3)", "complex(x=1)",
    "(1+2j) + 3j", "(1+2j) * 3j", "(1+2j) / 2", "abs(3+4j)", "-(1+2j)", "(1+2j) ** 2",
    "2 ** 1j", "(1+2j) * 2.5 - 3", "-(0j)", "sum([1j, 2j, 3])", "1j == 1j + 0",
    "{1j, 1j + 0, 0j, 0, False}", "{1j: 2}", "[x * 1j for x in range(3)]", "bool(0j)",
    "1j < 2j", "int(1j)", "float(1j)", "round(1j)", "1j // 2", "divmod(1j, 2)", "0j ** -1",
    "1j / 0", "(1+1j) ** 10**30", "sorted([1j, 2j])",
    "(1+2j).real", "(1+2j).imag", "(2+3j).conjugate()", "1j.real.is_integer()", "(3).real",
    "(3).imag", "(2.5).imag", "True.real", "(7).numerator", "(7).denominator",
    "(3).conjugate()", "(2.5).numerator", "(1j).numerator",
    "hash(1j)", "hash(1 + 0j) == hash(1)", "str(complex(0, -0.0))", "str(complex(1e300, -1e-300))",
    "complex(float('nan'), float('inf'))", "type(1j)", "complex", "isinstance(1j, complex)",
    "isinstance(1, complex)", "type(2j) is complex",
    "f'{1+2j:>12.3f}'", "f'{1+2j:g}'", "f'{3j:e}'", "'%s %r' % (1j, 2j)", "f'{1j!r:>5}'",
    "format(1j, 'd')", "'%d' % 1j", "'%f' % 1j", "f'{12345.678+1j:,.2f}'", "f'{1j:,}'",
]


def _program(expression: str) -> str:
    return (f"try:\n    print(repr({expression}))\n"
            f"except Exception as e:\n    print(type(e).__name__, e)\n")


@pytest.mark.parametrize("expression", EXPRESSIONS)
def test_complex_numbers_are_cpythons(cpython_worker, expression):
    source = _program(expression)
    assert as_cpython_worker(source) == cpython_worker(source)


def test_a_class_converts_itself_by_its_own_methods(cpython_worker):
    source = (
        "class C:\n    def __complex__(self):\n        return 2j\n"
        "class D:\n    def __float__(self):\n        return 1.5\n"
        "class E:\n    pass\n"
        "print(complex(C()), complex(D(), D()))\n"
        "try:\n    complex(E())\nexcept TypeError as e:\n    print(e)\n")
    assert as_cpython_worker(source) == cpython_worker(source)


def test_a_complex_formatted_wide_is_refused_before_it_is_made():
    done = outcome("x = format(1j, '>999999999')\n")
    assert (done.kind, done.reason) == (
        "limit", "a width of 999,999,999 is over the limit of 1,000,000 characters")
