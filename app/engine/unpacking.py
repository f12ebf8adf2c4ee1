"""Star unpacking: `first, *rest = items` (UNPACK_EX) and `[*a, *b]`, `(*a, x)`, `{*a}`,
`{**a, "k": v}` (BUILD_SPREAD), with CPython 3.13's errors. Unpacking a list, dict or set
reads it: a step."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .arith import check_ranges
from .calls import CONTAINERS
from .classes import Instance
from .code import Instr
from .errors import BudgetError
from .generators import Generator, collect, rest, to_collect
from .iterators import ITERABLES, SeqIter
from .protocols import UserIter
from .special import iterable
from .stdlib.containers_base import held_items
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
    """A list, tuple or set display with `*` in it, or a dict display with `**`: the values
    on the stack (a dict's key and value for each entry not marked in `spread`), those marked
    unpacked, within the items budget."""
    count = len(spread) if kind != "dict" else sum(1 if unpack else 2 for unpack in spread)

    def run(m: Machine, th: Thread) -> tuple[Any, ...] | None:
        f = th.frames[-1]
        s = f.stack
        values = s[len(s) - count:]
        gen = None if kind == "dict" else to_collect(_spread_values(values, spread, kind))
        if gen is not None:  # `[*g]`: g's items first, as the thread's own code; then this
            collect(m, th, gen)
            return None
        result = _dict_spread(values, spread) if kind == "dict" else _spread(
            m, th, kind, values, spread)
        if len(result) > m.program.budgets.items:
            raise BudgetError(f"a display of {len(result):,} items is over the limit of "
                              f"{m.program.budgets.items:,} items")
        del s[len(s) - count:]
        s.append(result)
        f.pc += 1
        if reads(values):
            return ("call", f"build {shown(result)}", result)
        return None

    def reads(values: list[Any]) -> bool:
        return any(isinstance(v, CONTAINERS) for v in _spread_values(values, spread, kind))

    return Instr("BUILD_SPREAD", (kind, spread), line, col, run,
                 visible=lambda th: reads(th.frames[-1].stack[len(th.frames[-1].stack) - count:]))


def _spread(m: Machine, th: Thread, kind: str, values: list[Any], spread: tuple[bool, ...]
            ) -> Any:
    items: list[Any] = []
    limit = m.program.budgets.items
    # CPython builds a set display with SET_UPDATE, whose error is iter()'s own.
    error = ("'{}' object is not iterable" if kind == "set"
             else "Value after * must be an iterable, not {}")
    for value, unpack in zip(values, spread, strict=True):
        if not unpack:
            items.append(value)
            continue
        items.extend(_items(m, th, value, error))
        if len(items) > limit:  # before a generator or range runs on past the budget
            break
    return {"list": list, "tuple": tuple, "set": set}[kind](items)


def _dict_spread(values: list[Any], spread: tuple[bool, ...]) -> dict[Any, Any]:
    """`{"a": 1, **b}`: the entries in order, a later key's value winning. Only a dict
    (a Counter, an OrderedDict …) can be unpacked here, as CPython words the refusal."""
    result: dict[Any, Any] = {}
    at = 0
    for unpack in spread:
        if unpack:
            mapping = held_items(values[at])  # `{**registry}`: a dict subclass's items
            if not isinstance(mapping, dict):
                raise fail("TypeError", f"'{type_name(mapping)}' object is not a mapping")
            result.update(mapping)
            at += 1
        else:
            result[values[at]] = values[at + 1]
            at += 2
    return result


def _spread_values(values: list[Any], spread: tuple[bool, ...], kind: str) -> list[Any]:
    """The values on the stack that are unpacked (those a display reads through)."""
    if kind != "dict":
        return [v for v, unpack in zip(values, spread, strict=True) if unpack]
    found, at = [], 0
    for unpack in spread:
        if unpack:
            found.append(values[at])
        at += 1 if unpack else 2
    return found
