"""Operators on plain values, with CPython's results and a guard against runaway sizes.

The real operator runs on the real values, so results and error messages are CPython's. Before
that, operations that can allocate without bound (`**`, `<<`, repetition) are checked against
the program's budgets (int_bits, items): `10**10**10` must answer at once, not hang the engine.
So are joining (`s = s + s` in a loop doubles), and the other ways one step can build
something huge: a built-in walking a range (`list(range(10**9))`), and a field width
(`'x'.ljust(10**9)`, `f'{x:>999999999}'`, `'%999999999d' % x`, `'{:{}}'.format(x, n)`).
"""

from __future__ import annotations

import operator
import re
import string
from collections.abc import Callable, Iterable
from typing import Any

from .budgets import Budgets
from .errors import BudgetError

BINARY: dict[str, Callable[[Any, Any], Any]] = {
    "+": operator.add,
    "-": operator.sub,
    "*": operator.mul,
    "/": operator.truediv,
    "//": operator.floordiv,
    "%": operator.mod,
    "**": operator.pow,
    "<<": operator.lshift,
    ">>": operator.rshift,
    "&": operator.and_,
    "|": operator.or_,
    "^": operator.xor,
}

#: `x op= y`: in place where the type supports it (a list's `+=` extends the same list).
INPLACE: dict[str, Callable[[Any, Any], Any]] = {
    "+": operator.iadd, "-": operator.isub, "*": operator.imul, "/": operator.itruediv,
    "//": operator.ifloordiv, "%": operator.imod, "**": operator.ipow, "<<": operator.ilshift,
    ">>": operator.irshift, "&": operator.iand, "|": operator.ior, "^": operator.ixor,
}

COMPARE: dict[str, Callable[[Any, Any], Any]] = {
    "==": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
    "is": operator.is_,
    "is not": operator.is_not,
    "in": lambda a, b: a in b,
    "not in": lambda a, b: a not in b,
}

UNARY: dict[str, Callable[[Any], Any]] = {
    "-": operator.neg,
    "+": operator.pos,
    "~": operator.invert,
    "not": operator.not_,
}


def _check(op: str, a: Any, b: Any, budgets: Budgets) -> None:
    ints = isinstance(a, int) and isinstance(b, int)
    bits = budgets.int_bits
    if op == "**" and ints and b > 1 and abs(a) > 1:
        if a.bit_length() * b > bits:
            raise _too_big(f"{a!r:.20} ** {b!r:.20}", bits)
    elif op == "<<" and ints and b > 0 and a.bit_length() + b > bits:
        raise _too_big(f"{a!r:.20} << {b!r:.20}", bits)
    elif op == "+" and isinstance(a, str | list | tuple) and isinstance(b, str | list | tuple):
        if len(a) + len(b) > budgets.items:  # doubling in a loop: `s = s + s`
            raise BudgetError(f"joining {len(a):,} and {len(b):,} items is over the limit of "
                              f"{budgets.items:,} items")
    elif op == "%" and isinstance(a, str):
        check_width(a, budgets, percent=True)
    elif op == "*":
        if ints and a.bit_length() + b.bit_length() > bits:
            raise _too_big(f"{a!r:.20} * {b!r:.20}", bits)
        for seq, n in ((a, b), (b, a)):
            if isinstance(seq, str | list | tuple) and isinstance(n, int) and (
                    len(seq) * n > budgets.items):
                raise BudgetError(f"repeating a sequence {n:,} times is over the limit of "
                                  f"{budgets.items:,} items")


def check_ranges(values: Iterable[Any], budgets: Budgets) -> None:
    """A range a built-in would walk through or copy must fit the items budget."""
    for value in values:
        if type(value) is range and not _fits(value, budgets.items):
            raise BudgetError(f"walking {value} is over the limit of {budgets.items:,} items")


def _fits(r: range, items: int) -> bool:
    try:
        return len(r) <= items
    except OverflowError:  # more items than a C size: CPython's len() cannot say
        return False


#: Where a %-format says how wide (`%-10.3f`).
_PERCENT = re.compile(r"%[-+ #0]*([0-9]*(?:\.[0-9]+)?)")
_NUMBER = re.compile(r"[0-9]+")


def check_width(value: Any, budgets: Budgets, percent: bool = False) -> None:
    """A width must fit the items budget: an int (`ljust`, `zfill`…), the numbers in one
    format spec (`f'{x:>10}'`), or with `percent`, those of a %-format's conversions."""
    if isinstance(value, int) and not isinstance(value, bool):
        numbers = [str(value)]
    elif isinstance(value, str):
        text = " ".join(_PERCENT.findall(value)) if percent else value
        numbers = _NUMBER.findall(text)
    else:
        return
    for number in numbers:
        if len(number) > 18 or int(number) > budgets.items:
            shown = f"{int(number):,}" if len(number) <= 18 else f"{number[:18]}…"
            raise BudgetError(f"a width of {shown} is over the limit of {budgets.items:,} "
                              f"characters")


class _Widths(string.Formatter):
    """str.format's own walk over the fields, each spec checked once its nested fields
    (`'{:{}}'.format(x, width)`) are filled in."""

    def __init__(self, budgets: Budgets) -> None:
        self.budgets = budgets

    def format_field(self, value: Any, format_spec: str) -> Any:
        check_width(format_spec, self.budgets)
        return super().format_field(value, format_spec)


def check_format(text: str, args: list[Any], kwargs: dict[str, Any], budgets: Budgets) -> None:
    """`text.format(*args, **kwargs)` must not make a field wider than the items budget. Any
    other error is left to the real call, which words it as CPython does."""
    if "{" not in text:
        return
    try:
        _Widths(budgets).vformat(text, args, kwargs)
    except BudgetError:
        raise
    except Exception:  # noqa: BLE001 - str.format itself raises it, in its own words
        return


def _too_big(what: str, bits: int) -> BudgetError:
    return BudgetError(f"{what} is over the limit of {bits:,} bits for one integer")


GUARDED = frozenset({"**", "<<", "*", "%", "+"})


#: A right operand not known when compiling.
UNKNOWN: Any = object()


def operator_for(op: str, budgets: Budgets, inplace: bool = False, right: Any = UNKNOWN
                 ) -> Callable[[Any, Any], Any]:
    """The function for `a op b` (or `a op= b`), size-checked against `budgets` where it can
    blow up. With `right`, a constant right operand: `counter += 1` cannot join sequences,
    so the hottest operation of all runs unguarded."""
    fn = (INPLACE if inplace else BINARY)[op]
    if op not in GUARDED or (op == "+" and right is not UNKNOWN
                             and not isinstance(right, str | list | tuple)):
        return fn

    def guarded(a: Any, b: Any) -> Any:
        _check(op, a, b, budgets)
        return fn(a, b)
    return guarded


def compare(op: str, a: Any, b: Any) -> Any:
    return COMPARE[op](a, b)


def unary(op: str, a: Any) -> Any:
    return UNARY[op](a)
