"""The state panel: every value a learner's program shares, drawn as Python Tutor draws it.

A list, tuple, deque or dict shows item by item, so an `append` or `d[k] = v` is seen where it
lands. An object of the program's classes is a box titled `acct: Account` with its attributes
as rows, drawn once (objects.py finds them); every other place that holds it shows its label,
a link to the box. An attribute holding a lock, a queue or a future says its state in a few
words: the primitives list draws the ones the module's names hold in full. The variable,
attribute or item the last step changed is marked, and so is the one it read. Threads and
functions are not listed here: they have panes of their own.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import islice
from typing import Any

from ..engine import Machine, Primitive, PrimitiveInfo, Step, describe_primitive, represent
from ..engine.builtin import Builtin
from ..engine.values import ExceptionClass, Function, LibraryObject, ThreadHandle, ThreadLocal
from . import objects

#: Items drawn per container; the rest are counted.
MAX_ITEMS = 40
#: Characters of one value's text.
MAX_TEXT = 200
#: Values drawn elsewhere (thread panes, the primitives list) or not state at all.
_ELSEWHERE = (Function, Builtin, ExceptionClass, Primitive, ThreadHandle, ThreadLocal,
              LibraryObject)
_SEQUENCES = (list, tuple, deque)


@dataclass(frozen=True)
class Item:
    key: str
    text: str
    changed: bool
    #: The box this item refers to (its element id), when it holds a drawn object.
    ref: str = ""


@dataclass(frozen=True)
class Variable:
    """A module variable, or an attribute of an object's box."""

    name: str
    text: str  # the whole value, as repr shows it (what a scalar shows)
    kind: str  # "list", "tuple", "deque", "dict", or "" for a value drawn as text
    items: tuple[Item, ...]
    more: int  # items not drawn
    changed: bool  # the last step wrote it (or an item of it)
    read: bool  # the last step read it
    #: The box the value is (its element id), when it is a drawn object: `text` is its label.
    ref: str = ""


@dataclass(frozen=True)
class Box:
    """An object of the program's classes (or a class with data attributes)."""

    id: str  # its element id, what references link to
    title: str  # "acct: Account"
    attrs: tuple[Variable, ...]
    changed: bool  # the last step wrote one of its attributes


@dataclass(frozen=True)
class Panel:
    variables: list[Variable]
    boxes: list[Box]


def panel(before: Machine | None, after: Machine, steps: Sequence[Step],
          threads: Sequence[str]) -> Panel:
    """The shared state after the last step, marked against the machine before it;
    `threads` are the threads' names by thread id."""
    last = steps[-1] if steps else None
    read = last.variable if last and last.kind == "read" else ""
    written = last.changes if last else {}
    found = objects.reachable(after)
    at = _Where({id(obj): f"obj-{i}" for i, obj in enumerate(found)}, threads)
    olds = {objects.key(obj): obj for obj in objects.reachable(before)} if before else {}
    shown = []
    for name, value in after.globals.items():
        if name.startswith(".") or _elsewhere(value):
            continue
        if id(value) in at.ids and objects.label_of(value) == name:
            continue  # its box is titled with this name
        old = value if before is None else before.globals.get(name, _ABSENT)
        variable = _variable(name, value, old, name == read, at)
        if name in written and not variable.changed:  # written, with the value it had
            variable = replace(variable, changed=True)
        shown.append(variable)
    boxes = [_box(obj, at, olds.get(objects.key(obj)) if before else obj, read, written)
             for obj in found]
    return Panel(shown, boxes)


def _box(obj: Any, at: _Where, old: Any, read: str, written: dict[str, str]
         ) -> Box:
    name = objects.label_of(obj)
    olds = objects.attributes(old) if old is not None else {}
    rows = []
    for attr, value in islice(objects.attributes(obj).items(), MAX_ITEMS):
        path = f"{name}.{attr}"
        row = _variable(attr, value, olds.get(attr, _ABSENT), path == read, at)
        if path in written and not row.changed:
            row = replace(row, changed=True)
        rows.append(row)
    return Box(at.ids[id(obj)], objects.title(obj), tuple(rows), any(r.changed for r in rows))


_ABSENT: Any = object()


@dataclass(frozen=True)
class _Where:
    """What drawing a value needs to know of the page: the boxes' ids, by the object's id,
    and the threads' names, by thread id."""

    ids: dict[int, str]
    threads: Sequence[str]


def _elsewhere(value: Any) -> bool:
    if isinstance(value, _ELSEWHERE) and not objects.drawn(value):
        return True
    if isinstance(value, objects.UserClass):
        return not objects.drawn(value)  # a class of methods only: it is code, not state
    return isinstance(value, list | tuple) and bool(value) and all(
        isinstance(v, _ELSEWHERE) and not objects.drawn(v) for v in value[:MAX_ITEMS])


def _text(value: Any, at: _Where) -> tuple[str, str]:
    """A value's text and, for a drawn object, the id of its box."""
    if id(value) in at.ids:
        return objects.label_of(value), at.ids[id(value)]
    if isinstance(value, Primitive):
        return _brief(value, at.threads), ""
    return represent(value, MAX_TEXT), ""


def _brief(p: Primitive, threads: Sequence[str]) -> str:
    """An attribute's lock, queue or future: its state in a few words (`Lock: held by
    Thread-2`, `Future: finished: returned 6`); the primitives list has the rest."""
    info = describe_primitive(p, threads)
    if info.lock is not None:  # a condition
        waiting = " → ".join(info.waiters) or "no one"
        return f"Condition: lock {_held(info.lock)}; waiting on it: {waiting}"
    if info.kind in ("Lock", "RLock"):
        return f"{info.kind}: {_held(info)}"
    return f"{p.kind}: {p.describe()}"


def _held(lock: PrimitiveInfo) -> str:
    if lock.holder is None:
        return "locked" if lock.state == "held" else "free"
    return f"held by {lock.holder}" + (f", depth {lock.depth}" if lock.depth > 1 else "")


def _variable(name: str, value: Any, old: Any, read: bool, at: _Where) -> Variable:
    text, ref = _text(value, at)
    changed = old is _ABSENT or _same_text(old, at) != text
    if isinstance(value, _SEQUENCES):  # a namedtuple's object is a tuple
        olds = old if isinstance(old, _SEQUENCES) else ()
        items = []
        for i, v in enumerate(islice(value, MAX_ITEMS)):
            item, to = _text(v, at)
            items.append(Item(str(i), item, i >= len(olds) or _same_text(olds[i], at) != item, to))
        kind = next(k for k in _SEQUENCES if isinstance(value, k)).__name__
        return Variable(name, _summary(kind, items, text), kind, tuple(items),
                        len(value) - len(items), changed, read)
    if isinstance(value, dict):
        old_items = old if isinstance(old, dict) else {}
        items = []
        for key, v in list(value.items())[:MAX_ITEMS]:
            item, to = _text(v, at)
            try:
                was = old_items.get(key, _ABSENT)
            except TypeError:  # a key CPython could not hash either: it cannot be in `old_items`
                was = _ABSENT
            items.append(Item(_text(key, at)[0], item,
                              was is _ABSENT or _same_text(was, at) != item, to))
        return Variable(name, _summary("dict", items, text), "dict", tuple(items),
                        len(value) - len(items), changed, read)
    return Variable(name, text, "", (), 0, changed, read, ref)


def _same_text(old: Any, at: _Where) -> str:
    """An old value's text, to compare with the new one's: an object by its label (its
    attributes are compared in its own box)."""
    if objects.drawn(old):
        return objects.label_of(old)
    if isinstance(old, Primitive):
        return _brief(old, at.threads)
    return represent(old, MAX_TEXT)


def _summary(kind: str, items: list[Item], text: str) -> str:
    """A container's text for a screen reader: its repr, unless it holds drawn objects, whose
    repr would be a meaningless address; then their labels."""
    if not any(it.ref for it in items):
        return text
    return f"{kind} of " + ", ".join(it.text for it in items)
