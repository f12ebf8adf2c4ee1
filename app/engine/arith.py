"""Operators on builtin values, with CPython's results and a guard against runaway sizes.

The real operator runs on the real values, so results and error messages are CPython's. Before
that, operations that can allocate without bound (`**`, `<<`, repetition) are checked against
the program's budgets (int_bits, items): `10**10**10` must answer at once, not hang the engine.
So are joining (`s = s + s` in a loop doubles), and a built-in walking a range
(`list(range(10**9))`). `%` on a string is `formatting.percent`: our own reading of the format,
which checks its widths too (`'%999999999d' % x`).
"""

from __future__ import annotations

import math
import operator
import sys
from collections import deque
from collections.abc import Callable, Iterable
from itertools import chain, takewhile
from typing import Any

from .budgets import Budgets
from .errors import BudgetError
from .formatting import percent
from .values import digits, fail, too_long

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
    "@": operator.matmul,  # only a program's class defines it (`__matmul__`)
}

#: `x op= y`: in place where the type supports it (a list's `+=` extends the same list).
INPLACE: dict[str, Callable[[Any, Any], Any]] = {
    "+": operator.iadd, "-": operator.isub, "*": operator.imul, "/": operator.itruediv,
    "//": operator.ifloordiv, "%": operator.imod, "**": operator.ipow, "<<": operator.ilshift,
    ">>": operator.irshift, "&": operator.iand, "|": operator.ior, "^": operator.ixor,
    "@": operator.imatmul,
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
    # ~True is -2; a 3.13 host warns that it is deprecated, which a program does not see here.
    "~": lambda x: ~int(x) if type(x) is bool else operator.invert(x),
    "not": operator.not_,
}


#: The sequences `+` joins and `*` repeats.
_JOINED = (str, bytes, bytearray, list, tuple, deque)


def _check(op: str, a: Any, b: Any, budgets: Budgets) -> None:
    ints = isinstance(a, int) and isinstance(b, int)
    bits = budgets.int_bits
    if op == "**" and ints and b > 1 and abs(a) > 1:
        # The result has floor(b * log2|a|) + 1 bits: bit_length() * b bounds it from above,
        # and only past that bound is the logarithm worked out.
        size = abs(a).bit_length()
        if size * b > bits and ((size - 1) * b >= bits or math.log2(abs(a)) * b >= bits):
            raise _too_big(a, "**", b, bits)
    elif op == "<<" and ints and b > 0 and a.bit_length() + b > bits:
        raise _too_big(a, "<<", b, bits)
    elif op == "+" and isinstance(a, _JOINED) and isinstance(b, (*_JOINED, range)):
        # (`x += range(n)` extends a list)
        if len(a) + _length(b) > budgets.items:  # doubling in a loop: `s = s + s`
            raise BudgetError(f"joining {len(a):,} and {_length(b):,} items is over the limit "
                              f"of {budgets.items:,} items")
    elif op == "*":
        if ints and a.bit_length() + b.bit_length() > bits:
            raise _too_big(a, "*", b, bits)
        for seq, n in ((a, b), (b, a)):
            if isinstance(seq, _JOINED) and isinstance(n, int) and (
                    len(seq) * n > budgets.items):
                raise BudgetError(f"repeating a sequence {n:,} times is over the limit of "
                                  f"{budgets.items:,} items")


def check_ranges(values: Iterable[Any], budgets: Budgets) -> None:
    """A range a built-in would walk through or copy must fit the items budget."""
    for value in values:
        if type(value) is range and not _fits(value, budgets.items):
            raise BudgetError(f"walking {value} is over the limit of {budgets.items:,} items")


def _fits(r: range, items: int) -> bool:
    return _length(r) <= items


def _length(seq: Any) -> int:
    try:
        return len(seq)
    except OverflowError:  # a range of more items than a C size: CPython's len() cannot say
        return sys.maxsize + 1


def check_result(obj: Any, name: str, args: list[Any], kwargs: dict[str, Any],
                 budgets: Budgets) -> None:
    """`obj.name(*args, **kwargs)` must not make a sequence of more than the items budget:
    its size is worked out first, from the lengths (`'a' * 1000).replace('a', 'b' * 300000)`
    would make 300 MB in one call). Arguments CPython refuses are left to the real call."""
    size = _result_size(obj, name, args, kwargs)
    if size is not None and size > budgets.items:
        raise BudgetError(f"{name}() would make {size:,} items, over the limit of "
                          f"{budgets.items:,} items")


def _result_size(obj: Any, name: str, args: list[Any], kwargs: dict[str, Any]) -> int | None:
    if isinstance(obj, list | bytearray) and name in ("append", "insert"):
        return len(obj) + 1
    if name in ("extend", "update", "extendleft") and args and hasattr(args[0], "__len__"):
        return len(obj) + _length(args[0])
    if name == "elements" and isinstance(obj, dict):  # a Counter: each key count times
        return sum(n for n in obj.values() if isinstance(n, int) and n > 0)
    if not isinstance(obj, str | bytes | bytearray):
        return None
    return _text_size(obj, name, args, kwargs)


def _text_size(obj: Any, name: str, args: list[Any], kwargs: dict[str, Any]) -> int | None:
    """The size of what a str's (or bytes' and a bytearray's, byte for character) method
    makes; a binary one takes either binary type as its arguments."""
    kinds = (bytes, bytearray) if isinstance(obj, bytes | bytearray) else (str,)

    def alike(value: Any) -> bool:
        return isinstance(value, kinds)
    if name == "join" and len(args) == 1 and (alike(args[0]) or isinstance(
            args[0], list | tuple | dict)):
        parts = args[0]
        inside = len(parts) if alike(parts) else sum(len(p) for p in parts if alike(p))
        return inside + len(obj) * max(0, len(parts) - 1)
    if name == "replace" and len(args) >= 2 and alike(args[0]) and alike(args[1]):
        old, new = args[0], args[1]
        count = args[2] if len(args) > 2 else kwargs.get("count", -1)
        found = len(obj) + 1 if len(old) == 0 else obj.count(old)
        if isinstance(count, int) and count >= 0:
            found = min(found, count)
        return len(obj) + found * (len(new) - len(old))
    if name in ("split", "rsplit") and args and alike(args[0]) and args[0]:
        return int(obj.count(args[0])) + 1
    if name == "translate" and args and isinstance(args[0], dict):
        table = args[0]
        return sum(len(v) if isinstance(v, str) else 1
                   for v in (table.get(ord(c)) for c in obj))
    if name == "expandtabs":  # each tab becomes at most tabsize spaces
        tabsize = args[0] if args else kwargs.get("tabsize", 8)
        if isinstance(tabsize, int):
            return len(obj) + int(obj.count("\t")) * max(0, tabsize)
    return None


def total(values: Iterable[Any], start: Any, budgets: Budgets) -> Any:
    """`sum(values, start)`. Adding lists or tuples, CPython copies the running total at every
    item, in quadratic time: here the total's length is checked first, and the items of the
    start's own type are joined at once (the first other item raises CPython's TypeError)."""
    if not isinstance(start, list | tuple):
        return _numbers_sum(values, start)
    items = list(values)
    size = len(start) + sum(len(x) for x in items if isinstance(x, list | tuple))
    if size > budgets.items:
        raise BudgetError(f"summing {size:,} items is over the limit of {budgets.items:,} "
                          f"items")
    kind = type(start)
    same = len(list(takewhile(lambda x: type(x) is kind, items)))
    joined = kind(chain(start, *items[:same])) if same else start
    return sum(items[same:], joined)


#: The ints CPython 3.12+'s `sum` adds into its float total as C doubles (a C long's).
_C_LONG = range(-(2**63), 2**63)


def _numbers_sum(values: Iterable[Any], start: Any) -> Any:
    """`sum(values, start)` as CPython 3.12+ adds (bltinmodule.c, builtin_sum_impl): ints
    exactly; once the total is a float, floats with Neumaier's compensated summation, so
    `sum([0.1] * 10)` is 1.0 (the host's 3.11 `sum` gives 0.9999999999999999); the first
    item of another kind ends the compensation, and the rest are added one by one."""
    if type(start) not in (int, float):  # a str start's own TypeError, a Decimal's sum
        return sum(values, start)
    items = iter(values)
    result = start
    if type(result) is int:
        for item in items:
            result = result + item
            if type(result) is not int:
                break
    if type(result) is float:
        f, c = result, 0.0
        for item in items:
            if type(item) is float:
                t = f + item
                c += (f - t) + item if abs(f) >= abs(item) else (item - t) + f
                f = t
            elif type(item) in (int, bool) and item in _C_LONG:
                f += float(item)
            else:
                result = _compensated(f, c) + item
                break
        else:
            return _compensated(f, c)
    for item in items:
        result = result + item
    return result


def _compensated(f: float, c: float) -> float:
    """The total with its compensation, unless that would turn an infinite sum into NaN."""
    return f + c if c and math.isfinite(c) else f


def _too_big(a: int, op: str, b: int, bits: int) -> BudgetError:
    return BudgetError(f"{_brief(a)} {op} {_brief(b)} is over the limit of {bits:,} bits for "
                       f"one integer")


def _brief(n: int) -> str:
    """The start of an operand's digits: an int too long for text (which an operand under
    the budget may be) by its size, as the host refuses to convert it."""
    return f"<int of {digits(n):,} digits>" if too_long(n) else f"{n!r:.20}"


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
        return lambda a, b: percent(a, b, budgets) if isinstance(a, str) else (
            _no_bytes_percent() if isinstance(a, bytes | bytearray) else fn(a, b))
    if op not in GUARDED or (op == "+" and right is not UNKNOWN and not isinstance(
            right, str | bytes | bytearray | list | tuple | deque)):
        return fn

    def guarded(a: Any, b: Any) -> Any:
        _check(op, a, b, budgets)
        return fn(a, b)
    return guarded


def _no_bytes_percent() -> Any:
    """`data % values`: bytes formatting is not offered (it would be the host's, unsized)."""
    raise fail("TypeError", "formatting bytes with % is not supported here: format the text, "
                            "then encode it")


def compare(op: str, a: Any, b: Any) -> Any:
    return COMPARE[op](a, b)

