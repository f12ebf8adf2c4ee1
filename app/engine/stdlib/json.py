"""`json`: `dumps` and `loads` (a lesson printing its results as JSON), CPython's own on
JSON-able data.

The data is walked first: only dicts (keys str, int, float, bool or None), lists, tuples,
strings, numbers, True, False and None reach the host encoder, which sees nothing of the
program's objects (one is CPython's `TypeError: Object of type Account is not JSON
serializable`; a list that contains itself `ValueError: Circular reference detected`). The
walk counts the values against the items budget, and an indent is at most MAX_INDENT, so
the text is bounded before it is made. `loads` reads at most MAX_TEXT characters. `dump` and
`load` write and read a file of the program's (io.py) or a StringIO.
"""

from __future__ import annotations

import json as host
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..builtin import Builtin
from ..errors import BudgetError
from ..values import EXCEPTION_BASES, ExceptionClass, fail, not_data, type_name
from .containers_base import builtin_items
from .io import File

if TYPE_CHECKING:
    from ..machine import Machine, Thread

HINT = ("Supported from json: dumps, loads, dump and load (to and from a file of the run's or "
        "a StringIO), JSONDecodeError.")

MAX_INDENT = 64
MAX_TEXT = 1_000_000
_SCALARS = (str, int, float, bool, type(None))
EXCEPTION_BASES["JSONDecodeError"] = "ValueError"


def walk(value: Any, left: list[int], active: set[int], sets: bool = False) -> bool:
    """Whether `value` is JSON-able data (with `sets`, sets too), counting its values in `left`;
    CPython's errors for a value JSON cannot hold."""
    left[0] -= 1
    if left[0] < 0:
        raise BudgetError("the data is over the limit of items for one sequence")
    if isinstance(value, _SCALARS):
        return True
    if (isinstance(value, dict | list | tuple) and not not_data(value)) or (
            sets and isinstance(value, set | frozenset)):
        if id(value) in active:
            if sets:
                return False
            raise fail("ValueError", "Circular reference detected")
        active.add(id(value))
        try:
            items: Iterable[Any]
            if isinstance(value, dict):
                for key in value:
                    if not isinstance(key, _SCALARS) and not (sets and walk(key, left, active,
                                                                              sets)):
                        if sets:
                            return False
                        raise fail("TypeError", f"keys must be str, int, float, bool or None, "
                                                f"not {type_name(key)}")
                items = value.values()
            else:
                items = value
            return all(walk(item, left, active, sets) for item in items)
        finally:
            active.discard(id(value))
    if sets:
        return False
    short = type_name(value).rpartition(".")[2]  # CPython names the class: `lock`
    raise fail("TypeError", f"Object of type {short} is not JSON serializable")


def _as_data(value: Any, left: list[int], active: set[int]) -> Any:
    """`value` with each object of a class deriving from `dict` or `list` (which CPython
    encodes as its items) replaced by its items, walked as `walk` walks (within the items
    budget; a container inside itself is left to `walk` to refuse)."""
    left[0] -= 1
    if left[0] < 0:
        raise BudgetError("the data is over the limit of items for one sequence")
    value = builtin_items(value)
    if type(value) not in (dict, list, tuple) or id(value) in active:
        return value
    active.add(id(value))
    try:
        if isinstance(value, dict):
            return {key: _as_data(item, left, active) for key, item in value.items()}
        return [_as_data(item, left, active) for item in value]
    finally:
        active.discard(id(value))


def _depth(value: Any) -> int:
    """How deep the containers in `value` nest (JSON-able data, walked before: no cycle)."""
    deepest, level = 0, [(value, 1)]
    while level:
        item, depth = level.pop()
        if isinstance(item, dict):
            item = list(item.values())
        if isinstance(item, list | tuple):
            deepest = max(deepest, depth)
            level.extend((v, depth + 1) for v in item)
    return deepest


def _dumps(m: Machine, th: Thread, obj: Any, *, indent: Any = None, sort_keys: Any = False,
           separators: Any = None, ensure_ascii: Any = True, **kwargs: Any) -> str:
    for key in kwargs:
        if key in ("default", "cls"):
            raise fail("TypeError", f"json.dumps({key}=…) is not supported here")
        if key not in ("skipkeys", "check_circular", "allow_nan"):
            raise fail("TypeError", f"JSONEncoder.__init__() got an unexpected keyword "
                                    f"argument '{key}'")
    if indent is not None and not (isinstance(indent, int | str) and len(str(indent)) < 8
                                   and (not isinstance(indent, int) or indent <= MAX_INDENT)
                                   and (not isinstance(indent, str) or len(indent) <= MAX_INDENT)):
        raise BudgetError(f"a JSON indent over {MAX_INDENT} is over the limit")
    if separators is not None and not (isinstance(separators, tuple | list) and len(
            separators) == 2 and all(isinstance(s, str) and len(s) <= 8 for s in separators)):
        raise fail("TypeError", "separators must be a pair of short strings here")
    pair = None if separators is None else (separators[0], separators[1])
    items = m.program.budgets.items
    obj = _as_data(obj, [items], set())
    left = [items]
    walk(obj, left, set())
    width = len(indent) if isinstance(indent, str) else indent or 0
    if width and (items - left[0]) * width * _depth(obj) > 16 * items:
        raise BudgetError("the indented JSON text would be over the limit for one text")
    try:
        return host.dumps(obj, indent=indent, sort_keys=bool(sort_keys),
                          separators=pair, ensure_ascii=bool(ensure_ascii),
                          allow_nan=bool(kwargs.get("allow_nan", True)))
    except (TypeError, ValueError) as e:
        raise fail(type(e).__name__, str(e)) from None


def _loads(m: Machine, th: Thread, s: Any, **kwargs: Any) -> Any:
    if kwargs:
        raise fail("TypeError", "json.loads() options are not supported here")
    if not isinstance(s, str):
        raise fail("TypeError", f"the JSON object must be str, bytes or bytearray, not "
                                f"{type_name(s)}")
    if len(s) > MAX_TEXT:
        raise BudgetError(f"a JSON text of {len(s):,} characters is over the limit of "
                          f"{MAX_TEXT:,}")
    try:
        return host.loads(s)
    except host.JSONDecodeError as e:
        raise fail("JSONDecodeError", str(_trailing_comma(e))) from None
    except RecursionError:
        raise fail("RecursionError", "maximum recursion depth exceeded while decoding a "
                                     "JSON array from a unicode string") from None


#: What the host's (3.11) decoder says at a closing bracket after a comma: CPython 3.13 names
#: the trailing comma instead.
_AFTER_COMMA = {("Expecting value", "]"): "array",
                ("Expecting property name enclosed in double quotes", "}"): "object"}


def _trailing_comma(e: host.JSONDecodeError) -> host.JSONDecodeError:
    """`e`, or CPython 3.13's error for a comma before `]` or `}`, at the comma."""
    text, pos = e.doc, e.pos
    what = _AFTER_COMMA.get((e.msg, text[pos:pos + 1]))
    comma = len(text[:pos].rstrip()) - 1
    if what is None or comma < 0 or text[comma] != ",":
        return e
    return host.JSONDecodeError(f"Illegal trailing comma before end of {what}", text, comma)


def _file(fp: Any, method: str) -> File:
    if not isinstance(fp, File):
        raise fail("AttributeError", f"'{type_name(fp)}' object has no attribute '{method}'")
    return fp


def _dump(m: Machine, th: Thread, obj: Any, fp: Any, **kwargs: Any) -> None:
    """`json.dump(obj, fp)`: `dumps`'s text written to the file."""
    _file(fp, "write").call(m, "write", [_dumps(m, th, obj, **kwargs)], {})


def _load(m: Machine, th: Thread, fp: Any, **kwargs: Any) -> Any:
    """`json.load(fp)`: the rest of the file, as `loads` reads it."""
    return _loads(m, th, _file(fp, "read").call(m, "read", [], {}), **kwargs)


TABLE: dict[str, Any] = {
    "dump": Builtin("dump", _dump, "always", "json"),
    "load": Builtin("load", _load, "always", "json"),
    "dumps": Builtin("dumps", _dumps, "containers", "json"),
    "loads": Builtin("loads", _loads, module="json"),
    "JSONDecodeError": ExceptionClass("JSONDecodeError"),
}
