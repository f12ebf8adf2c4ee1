"""`json`: `dumps` and `loads` (a lesson printing its results as JSON), CPython's own on
JSON-able data, and `JSONEncoder` (a program's subclass with its `default`, `cls=`).

The data is walked first: only dicts (keys str, int, float, bool or None), lists, tuples,
strings, numbers, True, False and None reach the host encoder, which sees nothing of the
program's objects (one is CPython's `TypeError: Object of type Account is not JSON
serializable`; a list that contains itself `ValueError: Circular reference detected`). The
walk counts the values against the items budget, and an indent is at most MAX_INDENT, so
the text is bounded before it is made. `loads` reads at most MAX_TEXT characters. `dump` and
`load` write and read a file of the program's (io.py) or a StringIO.

With `default=` (a function, or an encoder's `default` method), each value JSON cannot hold
is replaced by what `default` returns for it, in the order CPython's encoder meets them
(depth first; a dict's items sorted with `sort_keys`), and that is walked in turn: `default`
runs inside the step of `dumps` (nested.call_now), where a wait is refused. `JSONEncoder`
is CPython's class, written in Python (stdlib/written.py), so a program's class derives from
it; `dumps(obj, cls=C, ...)` is `C(...).encode(obj)`, as CPython's is.
"""

from __future__ import annotations

import json as host
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from ..builtin import Builtin
from ..errors import BudgetError
from ..generators import PUSHED
from ..nested import Allowance, call_now
from ..upcalls import UP
from ..values import EXCEPTION_BASES, ExceptionClass, fail, not_data, type_name
from .containers_base import builtin_items
from .io import File
from .written import library_classes, library_functions

if TYPE_CHECKING:
    from ..classes import UserClass
    from ..machine import Machine, Thread

HINT = ("Supported from json: dumps, loads, dump and load (to and from a file of the run's or "
        "a StringIO), JSONEncoder (and `cls=`, `default=`), loads' hooks (object_hook, "
        "object_pairs_hook, parse_float, parse_int, parse_constant), JSONDecodeError.")

MAX_INDENT = 64
#: How deeply `default`'s results may nest (CPython's recursion limit stops it too).
MAX_DEPTH = 500
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


class _Walk:
    """One `_as_data` walk: the items budget left, the containers (and the objects given to
    `default`) being walked, and `default` as a call of the program's, or None."""

    def __init__(self, left: int, default: Callable[[Any], Any] | None,
                 sort_keys: bool) -> None:
        self.left = left
        self.active: set[int] = set()
        self.default = default
        self.sort_keys = sort_keys


def _as_data(value: Any, walk_: _Walk, depth: int = 0) -> Any:
    """`value` with each object of a class deriving from `dict` or `list` (which CPython
    encodes as its items) replaced by its items, and, with a `default`, each value JSON
    cannot hold by what it returns, walked as `walk` walks (within the items budget; a
    container inside itself is left to `walk` to refuse)."""
    walk_.left -= 1
    if walk_.left < 0:
        raise BudgetError("the data is over the limit of items for one sequence")
    if depth > MAX_DEPTH:
        raise fail("RecursionError", "maximum recursion depth exceeded while encoding a "
                                     "JSON object")
    value = builtin_items(value)
    if walk_.default is not None and not isinstance(value, _SCALARS) and (
            type(value) not in (dict, list, tuple) or not_data(value)):
        if id(value) in walk_.active:
            raise fail("ValueError", "Circular reference detected")
        walk_.active.add(id(value))
        try:
            return _as_data(walk_.default(value), walk_, depth + 1)
        finally:
            walk_.active.discard(id(value))
    if type(value) not in (dict, list, tuple) or id(value) in walk_.active:
        return value
    walk_.active.add(id(value))
    try:
        if isinstance(value, dict):
            keys = list(value)
            if walk_.sort_keys and walk_.default is not None:
                try:  # the order `default` is called in; a key sort fails later, as CPython's
                    keys = sorted(keys)
                except TypeError:
                    pass
            made = {key: _as_data(value[key], walk_, depth + 1) for key in keys}
            return {key: made[key] for key in value}
        return [_as_data(item, walk_, depth + 1) for item in value]
    finally:
        walk_.active.discard(id(value))


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


def _dumps(m: Machine, th: Thread, obj: Any, **kwargs: Any) -> str:
    cls = kwargs.pop("cls", None)
    if cls is not None:
        made = library_functions(m, "json", ENCODER, _ENCODE)["json.dumps"]
        return call_now(m, th, made, [cls, obj, kwargs])  # type: ignore[no-any-return]
    for key in kwargs:
        if key not in ("skipkeys", "check_circular", "allow_nan", "indent", "sort_keys",
                       "separators", "ensure_ascii", "default"):
            raise fail("TypeError", f"JSONEncoder.__init__() got an unexpected keyword "
                                    f"argument '{key}'")
    return _encode(m, th, obj, kwargs.get("default"), kwargs.get("indent"),
                   kwargs.get("sort_keys", False), kwargs.get("separators"),
                   kwargs.get("ensure_ascii", True), kwargs.get("allow_nan", True))


def _encode(m: Machine, th: Thread, obj: Any, default: Any, indent: Any, sort_keys: Any,
            separators: Any, ensure_ascii: Any, allow_nan: Any) -> str:
    """The text of `obj`, `default` (None, or the program's function) called for each
    value JSON cannot hold."""
    if indent is not None and not (isinstance(indent, int | str) and len(str(indent)) < 8
                                   and (not isinstance(indent, int) or indent <= MAX_INDENT)
                                   and (not isinstance(indent, str) or len(indent) <= MAX_INDENT)):
        raise BudgetError(f"a JSON indent over {MAX_INDENT} is over the limit")
    if separators is not None and not (isinstance(separators, tuple | list) and len(
            separators) == 2 and all(isinstance(s, str) and len(s) <= 8 for s in separators)):
        raise fail("TypeError", "separators must be a pair of short strings here")
    pair = None if separators is None else (separators[0], separators[1])
    items = m.program.budgets.items
    allowance = Allowance(m)  # `default`'s calls share one step's local operations
    call = None if default is None else (
        lambda value: call_now(m, th, default, [value], allowance=allowance))
    obj = _as_data(obj, _Walk(items, call, bool(sort_keys)))
    left = [items]
    walk(obj, left, set())
    width = len(indent) if isinstance(indent, str) else indent or 0
    if width and (items - left[0]) * width * _depth(obj) > 16 * items:
        raise BudgetError("the indented JSON text would be over the limit for one text")
    try:
        return host.dumps(obj, indent=indent, sort_keys=bool(sort_keys),
                          separators=pair, ensure_ascii=bool(ensure_ascii),
                          allow_nan=bool(allow_nan))
    except (TypeError, ValueError) as e:
        raise fail(type(e).__name__, str(e)) from None


#: `loads`' options that name a function of the program's, which the decoder calls as it
#: reads (an object's dict once it is read, a number's text).
_HOOKS = ("object_hook", "object_pairs_hook", "parse_float", "parse_int", "parse_constant")


def _loads(m: Machine, th: Thread, s: Any, **kwargs: Any) -> Any:
    for key in kwargs:
        if key not in _HOOKS:
            raise fail("TypeError", f"JSONDecoder.__init__() got an unexpected keyword "
                                    f"argument '{key}'")
    allowance = Allowance(m)  # the hooks' calls share one step's local operations
    hooks: dict[str, Any] = {key: _hook(m, th, fn, allowance) for key, fn in kwargs.items()
                             if fn is not None}
    if not isinstance(s, str):
        raise fail("TypeError", f"the JSON object must be str, bytes or bytearray, not "
                                f"{type_name(s)}")
    if len(s) > MAX_TEXT:
        raise BudgetError(f"a JSON text of {len(s):,} characters is over the limit of "
                          f"{MAX_TEXT:,}")
    try:
        return host.loads(s, **hooks)
    except host.JSONDecodeError as e:
        raise fail("JSONDecodeError", str(_trailing_comma(e))) from None
    except RecursionError:
        raise fail("RecursionError", "maximum recursion depth exceeded while decoding a "
                                     "JSON array from a unicode string") from None


def _hook(m: Machine, th: Thread, fn: Any, allowance: Allowance) -> Callable[[Any], Any]:
    """The program's function as the host decoder calls it: inside this step (call_now),
    given what it read (a dict, a list of pairs, a number's text)."""
    return lambda value: call_now(m, th, fn, [value], allowance=allowance)


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


ENCODER = '''
def _make(encode):
    class JSONEncoder:
        item_separator = ", "
        key_separator = ": "

        def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True,
                     allow_nan=True, sort_keys=False, indent=None, separators=None,
                     default=None):
            self.skipkeys = skipkeys
            self.ensure_ascii = ensure_ascii
            self.check_circular = check_circular
            self.allow_nan = allow_nan
            self.sort_keys = sort_keys
            self.indent = indent
            if separators is not None:
                self.item_separator, self.key_separator = separators
            elif indent is not None:
                self.item_separator = ","
            if default is not None:
                self.default = default

        def default(self, o):
            raise TypeError(f"Object of type {type(o).__name__} is not JSON serializable")

        def encode(self, o):
            return encode(o, self.default, self.indent, self.sort_keys,
                          (self.item_separator, self.key_separator), self.ensure_ascii,
                          self.allow_nan)

        def iterencode(self, o, _one_shot=False):
            return iter([self.encode(o)])

    def dumps(cls, obj, kw):
        return cls(**kw).encode(obj)

    return {"json.JSONEncoder": JSONEncoder, "json.dumps": dumps}

_made = _make(*_given)
'''
_ENCODE = Builtin("encode", _encode, "containers", "json")
#: The built-ins the written code is given (snapshots find them by key: library.BY_NAME).
GIVEN = (_ENCODE,)
#: The classes a program's class may derive from here, by key.
DERIVABLE = frozenset({"json.JSONEncoder"})


def json_classes(m: Machine) -> dict[str, UserClass]:
    """The machine's written `JSONEncoder`, by key."""
    return library_classes(m, "json", ENCODER, _ENCODE)


def _encoder(m: Machine, th: Thread, *args: Any, **kwargs: Any) -> Any:
    """`json.JSONEncoder(...)`: an object of the machine's own class."""
    made, obj = UP.call_value(m, th, json_classes(m)["json.JSONEncoder"], list(args),
                              kwargs)[:2]
    return obj if made else PUSHED


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
    "JSONEncoder": Builtin("JSONEncoder", _encoder, module="json"),
}
