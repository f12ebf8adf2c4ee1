"""Star unpacking: `first, *rest = items` (UNPACK_EX) and `[*a, *b]`, `(*a, x)`, `{*a}`
(BUILD_SPREAD), with CPython 3.13's errors. Unpacking a list, dict or set reads it: a step."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .arith import check_ranges
from .calls import CONTAINERS
from .classes import Instance
from .code import Instr
from .errors import BudgetError
from .generators import Generator, rest
from .iterators import ITERABLES, SeqIter
from .protocols import UserIter
from .special import iterable
from .values import fail, shown, type_name

if TYPE_CHECKING:
    from .machine import Machine, Thread


def _items(m: Machine, th: Thread, value: Any, error: str) -> list[Any]:
    if not (isinstance(value, (*ITERABLES, SeqIter, Generator, UserIter))
            or type(value) is Instance and iterable(value)):
        raise fail("TypeError", error.format(type_name(value)))
    check_ranges([value], m.program.budgets)
    return list(rest(m, th, value))


def unpack_ex(before: int, after: int, line: int, col: int) -> Instr:
    """`a, *b, c = value`: `before` names, one list, `after` names, the first on top."""
    def run(m: Machine, th: Thread) -> tuple[Any, ...] | None:
        f = th.frames[-1]
        value = f.stack.pop()
        items = _items(m, th, value, "cannot unpack non-iterable {} object")
        if len(items) < before + after:
            raise fail("ValueError", f"not enough values to unpack (expected at least "
                                     f"{before + after}, got {len(items)})")
        middle = items[before:len(items) - after]
        f.stack.extend(reversed([*items[:before], middle, *items[len(items) - after:]]))
        f.pc += 1
        if isinstance(value, CONTAINERS):
            return ("call", f"unpack {shown(value)}", value)
        return None
    return Instr("UNPACK_EX", (before, after), line, col, run,
                 visible=lambda th: isinstance(th.frames[-1].stack[-1], CONTAINERS))


def build_spread(kind: str, spread: tuple[bool, ...], line: int, col: int) -> Instr:
    """A list, tuple or set display with `*` in it: the values on the stack, those marked
    in `spread` unpacked, within the items budget."""
    count = len(spread)
    make = {"list": list, "tuple": tuple, "set": set}[kind]
    # CPython builds a set display with SET_UPDATE, whose error is iter()'s own.
    error = ("'{}' object is not iterable" if kind == "set"
             else "Value after * must be an iterable, not {}")

    def run(m: Machine, th: Thread) -> tuple[Any, ...] | None:
        f = th.frames[-1]
        s = f.stack
        values = s[len(s) - count:]
        items: list[Any] = []
        limit = m.program.budgets.items
        for value, unpack in zip(values, spread, strict=True):
            if not unpack:
                items.append(value)
                continue
            items.extend(_items(m, th, value, error))
            if len(items) > limit:
                raise BudgetError(f"a display of {len(items):,} items is over the limit of "
                                  f"{limit:,} items")
        del s[len(s) - count:]
        s.append(result := make(items))
        f.pc += 1
        if reads(values):
            return ("call", f"build {shown(result)}", result)
        return None

    def reads(values: list[Any]) -> bool:
        return any(unpack and isinstance(v, CONTAINERS) for v, unpack in zip(values, spread,
                                                                             strict=True))

    return Instr("BUILD_SPREAD", (kind, spread), line, col, run,
                 visible=lambda th: reads(th.frames[-1].stack[-count:]))
