"""Operators on plain values, with CPython's results and a guard against runaway sizes.

The real operator runs on the real values, so results and error messages are CPython's. Before
that, operations that can allocate without bound (`**`, `<<`, repetition) are checked against
the program's budgets (int_bits, items): `10**10**10` must answer at once, not hang the engine.
So are joining (`s = s + s` in a loop doubles), and a built-in walking a range
(`list(range(10**9))`). `%` on a string is `formatting.percent`: our own reading of the format,
which checks its widths too (`'%999999999d' % x`).
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable
from typing import Any

from .budgets import Budgets
from .errors import BudgetError
from .formatting import percent

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


def _too_big(what: str, bits: int) -> BudgetError:
    return BudgetError(f"{what} is over the limit of {bits:,} bits for one integer")


GUARDED = frozenset({"**", "<<", "*", "+"})


#: A right operand not known when compiling.
UNKNOWN: Any = object()


def operator_for(op: str, budgets: Budgets, inplace: bool = False, right: Any = UNKNOWN
                 ) -> Callable[[Any, Any], Any]:
    """The function for `a op b` (or `a op= b`), size-checked against `budgets` where it can
    blow up. With `right`, a constant right operand: `counter += 1` cannot join sequences,
    so the hottest operation of all runs unguarded."""
    fn = (INPLACE if inplace else BINARY)[op]
    if op == "%":  # on a string, our own formatting: the real one looks keys up in anything
        return lambda a, b: percent(a, b, budgets) if isinstance(a, str) else fn(a, b)
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
