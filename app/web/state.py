"""The state panel: every module variable a learner's program keeps, drawn as Python Tutor
draws it. A list, tuple or dict shows item by item, so an `append` or `d[k] = v` is seen
where it lands; the variable or item the last step changed is marked, and so is the variable
it read. Threads, functions and primitives are not listed here: they have panes of their own.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import islice
from typing import Any

from ..engine import Machine, Primitive, Step, represent
from ..engine.calls import Builtin
from ..engine.values import ExceptionClass, Function, LibraryObject, ThreadHandle, ThreadLocal

#: Items drawn per container; the rest are counted.
MAX_ITEMS = 40
#: Characters of one value's text.
MAX_TEXT = 200
#: Values drawn elsewhere (thread panes, the primitives list) or not state at all.
_ELSEWHERE = (Function, Builtin, ExceptionClass, Primitive, ThreadHandle, ThreadLocal,
              LibraryObject)


@dataclass(frozen=True)
class Item:
    key: str
    text: str
    changed: bool


@dataclass(frozen=True)
class Variable:
    name: str
    text: str  # the whole value, as repr shows it (what a scalar shows)
    kind: str  # "list", "tuple", "dict", or "" for a value drawn as text
    items: tuple[Item, ...]
    more: int  # items not drawn
    changed: bool  # the last step wrote it (or an item of it)
    read: bool  # the last step read it


def variables(before: Machine | None, after: Machine, steps: Sequence[Step]
              ) -> list[Variable]:
    """The module's variables after the last step, marked against the machine before it."""
    last = steps[-1] if steps else None
    read = last.action.split(" → ")[0].removeprefix("read ") if last and last.kind == "read" else ""
    written = last.changes if last else {}
    shown = []
    for name, value in after.globals.items():
        if name.startswith(".") or _elsewhere(value):
            continue
        old = value if before is None else before.globals.get(name, _ABSENT)
        variable = _variable(name, value, old, name == read)
        if name in written and not variable.changed:  # written, with the value it had
            variable = replace(variable, changed=True)
        shown.append(variable)
    return shown


_ABSENT: Any = object()


def _elsewhere(value: Any) -> bool:
    if isinstance(value, _ELSEWHERE):
        return True
    return isinstance(value, list | tuple) and bool(value) and all(
        isinstance(v, _ELSEWHERE) for v in value[:MAX_ITEMS])


def _variable(name: str, value: Any, old: Any, read: bool) -> Variable:
    text = represent(value, MAX_TEXT)
    changed = old is _ABSENT or represent(old, MAX_TEXT) != text
    if isinstance(value, list | tuple | deque):  # a namedtuple's object is a tuple
        olds = old if isinstance(old, list | tuple | deque) else ()
        items = tuple(Item(str(i), represent(v, MAX_TEXT),
                           i >= len(olds) or represent(olds[i], MAX_TEXT) != represent(
                               v, MAX_TEXT)) for i, v in enumerate(islice(value, MAX_ITEMS)))
        kind = next(k for k in (list, tuple, deque) if isinstance(value, k)).__name__
        return Variable(name, text, kind, items, len(value) - len(items), changed, read)
    if isinstance(value, dict):
        olds = old if isinstance(old, dict) else {}
        items = []
        for key, v in list(value.items())[:MAX_ITEMS]:
            item = represent(v, MAX_TEXT)
            try:
                was = olds.get(key, _ABSENT)
            except TypeError:  # a key CPython could not hash either: it cannot be in `olds`
                was = _ABSENT
            items.append(Item(represent(key, MAX_TEXT), item,
                              was is _ABSENT or represent(was, MAX_TEXT) != item))
        return Variable(name, text, "dict", tuple(items), len(value) - len(items), changed,
                        read)
    return Variable(name, text, "", (), 0, changed, read)
