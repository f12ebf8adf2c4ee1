"""`decimal`: `Decimal` for the money in a bank-account lesson, CPython's own values.

A Decimal is the host's immutable C value: arithmetic, comparisons, `round`, `str` (through
`values.TEXTS`: `10.50`) and format specs (`formatting.FORMATS`: `f"{d:,.2f}"`) are
CPython's, in the default context (28 significant digits), which a program cannot change: so
every result stays small. `quantize` and the other methods a lesson uses are allowed by
`calls.SAFE_METHODS`. (Python's default context: 28 digits, and InvalidOperation,
DivisionByZero and Overflow raised.)
"""

from __future__ import annotations

import decimal as host
from typing import TYPE_CHECKING, Any

from ..budgets import Budgets
from ..builtin import Builtin
from ..calls import SAFE_METHODS
from ..errors import BudgetError
from ..formatting import FORMATS, check_width
from ..introspect import LIBRARY_CLASSES, LIBRARY_TYPES
from ..values import EXCEPTION_BASES, TEXTS, TYPE_NAMES, ExceptionClass, fail, type_name

if TYPE_CHECKING:
    from ..machine import Machine, Thread

HINT = ("Supported from decimal: Decimal, ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_DOWN, "
        "ROUND_UP, ROUND_FLOOR, ROUND_CEILING, InvalidOperation, DivisionByZero (in the "
        "default context, which a program cannot change).")

#: The longest text a Decimal is read from.
MAX_TEXT = 1_000
_CONTEXT = host.Context(prec=28, traps=[host.InvalidOperation, host.DivisionByZero,
                                        host.Overflow])
EXCEPTION_BASES.update({"InvalidOperation": "ArithmeticError", "Overflow": "ArithmeticError",
                        "DivisionByZero": "ZeroDivisionError"})


def _decimal(m: Machine, th: Thread, value: Any = "0", context: Any = None) -> host.Decimal:
    if context is not None:
        raise fail("TypeError", "Decimal(value, context) is not supported here")
    if isinstance(value, str) and len(value) > MAX_TEXT:
        raise BudgetError(f"a Decimal of {len(value):,} characters is over the limit")
    if isinstance(value, int) and value.bit_length() > 4 * MAX_TEXT:
        raise BudgetError("a Decimal of that many digits is over the limit")
    if not isinstance(value, str | int | float | host.Decimal) or isinstance(value, bool):
        raise fail("TypeError", f"conversion from {type_name(value)} to Decimal is not "
                                f"supported")
    try:
        return host.Decimal(value, _CONTEXT) if not isinstance(value, float) else (
            host.Decimal(value))
    except host.InvalidOperation:
        raise fail("InvalidOperation", "[<class 'decimal.ConversionSyntax'>]") from None


def _format(value: host.Decimal, spec: str, budgets: Budgets) -> str:
    check_width(spec, budgets)
    return format(value, spec)


SAFE_METHODS[host.Decimal] = frozenset({"quantize", "is_zero", "is_signed", "copy_abs",
                                        "normalize", "as_integer_ratio", "to_integral_value",
                                        "sqrt", "adjusted"})
TEXTS[host.Decimal] = str
FORMATS[host.Decimal] = _format
TYPE_NAMES[host.Decimal] = lambda d: "decimal.Decimal"

TABLE: dict[str, Any] = {
    "Decimal": Builtin("Decimal", _decimal, module="decimal"),
    **{name: getattr(host, name) for name in ("ROUND_HALF_UP", "ROUND_HALF_EVEN", "ROUND_DOWN",
                                              "ROUND_UP", "ROUND_FLOOR", "ROUND_CEILING")},
    "InvalidOperation": ExceptionClass("InvalidOperation"),
    "DivisionByZero": ExceptionClass("DivisionByZero"),
}


def _instance(cls: Any, obj: Any) -> bool | None:
    """`isinstance(obj, decimal.Decimal)` (see `introspect.LIBRARY_TYPES`)."""
    if not isinstance(cls, Builtin) or cls.module != "decimal" or cls.name != "Decimal":
        return None
    return isinstance(obj, host.Decimal)


LIBRARY_TYPES.append(_instance)
LIBRARY_CLASSES[host.Decimal] = lambda d: TABLE["Decimal"]

