"""What a thread's next step reads or writes of the state other threads share: the explorer
finds data races where two threads are both about to make accesses that conflict.

An access is to a *place* of one shared thing: a shared variable (a place of its own); an
attribute of a shared object (`acct.balance`); an item of a shared list, deque, dict or set
(`seen[0]`, `d['a']`, a set's member); whether a dict has a key (what `k in d` reads); a
container's size; or the whole container. Two accesses conflict when they are to the same
thing, at least one writes, and their places overlap: the same one, or either the whole
container. The size is read by `len(d)` and `if d:`, and written by a step that adds or
removes one item (`d['new'] = 1`, `s.add(x)`, `d.pop(k)`): such writes commute (the size
ends the same whatever their order), so they do not conflict with each other, only with a
read of the size. So `seen[0] = 1` and `seen[1] = 1` do not race, nor do `d['a'] = 1` and
`d['b'] = 2`, nor `d['a'] += 1` and `'a' in d`; `x in seen` and `seen.append(x)` do, as do
`len(items)` and `items.pop()`.

A thing is known by its position in the shared part's table of objects (`parts`), which two
threads' accesses in one state agree on; an object not in it only the thread's own frames
hold, and no other thread can reach. Each access also carries its thing's name and its own,
as a learner reads them.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from itertools import compress, count, repeat
from operator import is_
from typing import Any, NamedTuple

from .builtin import CONTAINERS, Builtin
from .classes import Instance, label_of
from .iterators import DequeIter, SeqIter
from .machine import Machine, Thread
from .primitives import Primitive
from .stdlib.collections import defaultdict
from .values import BoundMethod


class _Place:
    """A place that is no single item: a container's size, or all of it."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


SIZE, WHOLE = _Place("SIZE"), _Place("WHOLE")
#: Whether a dict has key k is the place (HAS, k).
HAS = _Place("HAS")


class Access(NamedTuple):
    """One read or write of a place (see the module's docstring)."""

    #: A shared variable's name, or the position of an object in the shared part's table.
    thing: str | int
    #: The item (an index, a key, an attribute's name), (HAS, key), SIZE or WHOLE.
    place: Any
    #: The thing's name (`seen`) and the place's (`seen[0]`), as a learner reads them.
    owner: str
    name: str
    write: bool


def conflict(a: Access, b: Access) -> bool:
    """Whether two threads' accesses race when nothing orders them."""
    if a.thing != b.thing or not (a.write or b.write):
        return False
    if a.place is WHOLE or b.place is WHOLE:
        return True
    if a.place is SIZE or b.place is SIZE:
        return a.place is b.place and not (a.write and b.write)
    return bool(a.place == b.place)


#: The positions of the objects of the shared part (`Parts.learn`).
Table = list[Any]


def accesses(m: Machine, th: Thread, table: Table) -> tuple[Access, ...]:
    """What `th`'s next step reads and writes of the shared state, given the shared part's
    `table`: none when that step is local (it only runs the thread's own instructions)."""
    ins = m.next_instr(th)
    op = ins.op
    if op == "READ":
        return (Access(ins.arg, WHOLE, ins.arg, ins.arg, False),)
    if op == "WRITE" or op == "DELETE_SHARED":
        return (Access(ins.arg, WHOLE, ins.arg, ins.arg, True),)
    reader = _READERS.get(op)
    if reader is None:
        return ()
    visible = ins.visible
    if not (visible is True or (visible is not False and visible(th))):
        return ()
    reading = _Reading(m, th, table)
    reader(reading, ins.arg)
    return tuple(reading.found)


class _Reading:
    """The accesses of one step, as its reader finds them."""

    def __init__(self, m: Machine, th: Thread, table: Table) -> None:
        self.m, self.th, self.table = m, th, table
        self.stack = th.frames[-1].stack
        self.found: list[Access] = []

    def position(self, obj: Any) -> int | None:
        return next(compress(count(), map(is_, self.table, repeat(obj))), None)

    def item(self, obj: Any, key: Any, write: bool) -> None:
        """An item of a container: by key where it names one item, else all of it."""
        if type(obj) in (list, deque, bytearray) and type(key) in (int, bool):
            if key < 0:
                key += len(obj)
        elif not isinstance(obj, dict | set) or not _scalar_key(key):
            key = WHOLE
        self.add(obj, key, write)

    def has(self, obj: Any, key: Any) -> None:
        """Whether a dict has a key (a set's member is its item)."""
        if isinstance(obj, dict) and _scalar_key(key):
            self.add(obj, (HAS, key), False)
        else:
            self.item(obj, key, False)

    def changes(self, obj: Any, key: Any) -> None:
        """A write that adds or removes one key or member: of it, and of the size."""
        self.item(obj, key, True)
        if isinstance(obj, dict) and _scalar_key(key):
            self.add(obj, (HAS, key), True)
        self.size(obj, True)

    def whole(self, obj: Any, write: bool = False) -> None:
        if isinstance(obj, CONTAINERS):
            self.add(obj, WHOLE, write)

    def size(self, obj: Any, write: bool = False) -> None:
        if isinstance(obj, CONTAINERS):
            self.add(obj, SIZE, write)

    def add(self, obj: Any, place: Any, write: bool) -> None:
        where = self.position(obj)
        if where is None:
            return  # only this thread's frames hold it
        if isinstance(obj, CONTAINERS):
            owner = self.name_of(obj)
            key = place[1] if type(place) is tuple and place[0] is HAS else place
            name = owner if isinstance(key, _Place) else f"{owner}[{key!r}]"
        else:
            owner = label_of(obj)
            name = f"{owner}.{place}"
        self.found.append(Access(where, place, owner, name, write))

    def name_of(self, obj: Any) -> str:
        """A container's name: a shared variable's, a local's of the thread, or one reached
        from a shared variable (`bank.accounts`, `queues[0]`), else its type's."""
        names = self.m.globals
        for name, value in names.items():
            if value is obj and not name.startswith("."):
                return name
        for name, value in self.th.frames[-1].locals.items():
            if value is obj:
                return name
        for name, value in names.items():
            if name.startswith("."):
                continue
            if type(value) is Instance:
                for attr, held in value.attrs.items():
                    if held is obj:
                        return f"{value.label}.{attr}"
            elif type(value) in (list, tuple):
                for i, held in enumerate(value[:_LOOK]):
                    if held is obj:
                        return f"{name}[{i}]"
        return type(obj).__name__


#: How many items of a shared list `_Reading.name_of` looks through for a container.
_LOOK = 64
_SCALAR_KEYS = frozenset({int, str, bytes, float, complex, bool, type(None)})


def _scalar_key(key: Any) -> bool:
    """Whether a key names one item as a dict or set compares them: a value whose equality
    runs none of the program's code."""
    kind = type(key)
    if kind is tuple:
        return all(map(_scalar_key, key))
    return kind in _SCALAR_KEYS


# -- the readers: one per instruction that may touch shared state ------------------------------

def _get_attr(r: _Reading, name: str) -> None:
    obj = r.stack[-1]
    if not isinstance(obj, Primitive):
        r.add(obj, name, False)


def _set_attr(r: _Reading, arg: tuple[str, int]) -> None:
    name, where = arg
    r.add(r.stack[where], name, True)


def _delete_attr(r: _Reading, name: str) -> None:
    r.add(r.stack[-1], name, True)


def _subscr(r: _Reading, _: Any) -> None:
    obj, key = r.stack[-2], r.stack[-1]
    if type(obj) is defaultdict and _scalar_key(key) and key not in obj and (
            obj.default_factory is not None):
        r.changes(obj, key)  # its factory stores what it makes
    else:
        r.item(obj, key, False)


def _store_subscr(r: _Reading, _: Any) -> None:
    obj, key = r.stack[-2], r.stack[-1]
    if isinstance(obj, dict) and _scalar_key(key) and key not in obj:
        r.changes(obj, key)
    else:
        r.item(obj, key, True)


def _delete_subscr(r: _Reading, _: Any) -> None:
    obj, key = r.stack[-2], r.stack[-1]
    if isinstance(obj, dict):
        r.changes(obj, key)
    else:
        r.whole(obj, True)


def _compare(r: _Reading, op: str) -> None:
    a, b = r.stack[-2], r.stack[-1]
    if op in ("in", "not in") and isinstance(b, dict | set):
        r.has(b, a)
        return
    r.whole(a)
    r.whole(b)


def _binop(r: _Reading, op: Any) -> None:
    a, b = r.stack[-2], r.stack[-1]
    r.whole(a, op.endswith("="))  # in place: `items += more`
    r.whole(b)


def _compute_attr(r: _Reading, arg: Any) -> None:
    """`obj.name += v`: in place on a container (`self.items += [x]`)."""
    constant = type(arg) is tuple
    r.whole(r.stack[-1 if constant else -2], True)
    if not constant:
        r.whole(r.stack[-1])


def _size_of_top(r: _Reading, _: Any) -> None:
    r.size(r.stack[-1])


def _whole_top(r: _Reading, _: Any) -> None:
    r.whole(r.stack[-1])


def _format(r: _Reading, _: Any) -> None:
    """An f-string's field: the value is on top, or under its spec (a string)."""
    top = r.stack[-1]
    r.whole(top if isinstance(top, CONTAINERS) else r.stack[-2])


def _spread(r: _Reading, arg: tuple[str, tuple[bool, ...]]) -> None:
    spread = arg[1]
    for value, unpack in zip(r.stack[-len(spread):], spread, strict=True):
        if unpack:
            r.whole(value)


def _for_iter(r: _Reading, _: Any, at: int = -1) -> None:
    """The next item of a list (or the end: its size), or of a deque, which checks its size."""
    it = r.stack[at]
    if type(it) is DequeIter:
        r.whole(it.seq)
    elif type(it) is SeqIter and type(it.seq) in (list, bytearray):
        if it.i < len(it.seq):
            r.item(it.seq, it.i, False)
        else:
            r.size(it.seq)


def _call(r: _Reading, arg: tuple[int, tuple[str, ...]]) -> None:
    nargs, kwnames = arg
    total = nargs + len(kwnames)
    _called(r, r.stack[-total - 1], r.stack[len(r.stack) - total:])


def _call_spread(r: _Reading, has_kwargs: bool) -> None:
    total = 2 if has_kwargs else 1
    kwargs = r.stack[-1] if has_kwargs else {}
    _called(r, r.stack[-total - 1], [*r.stack[-total], *kwargs.values()])


def _called(r: _Reading, callee: Any, args: list[Any]) -> None:
    if type(callee) is BoundMethod:
        _method(r, callee.obj, callee.name, args)
    elif type(callee) is Builtin:
        key = callee.key
        if key in _SIZE_CALLS:
            for value in args:
                r.size(value)
        elif key in _MUTATING_CALLS:
            if args:
                r.whole(args[0], True)
            for value in args[1:]:
                r.whole(value)
        elif key not in _BLIND_CALLS:
            for value in args:
                r.whole(value)


def _call_method(r: _Reading, arg: tuple[str, int, tuple[str, ...]]) -> None:
    name, nargs, kwnames = arg
    total = nargs + len(kwnames)
    _method(r, r.stack[-total - 1], name, r.stack[len(r.stack) - total:])


def _call_method_spread(r: _Reading, arg: tuple[str, bool]) -> None:
    name, has_kwargs = arg
    total = 2 if has_kwargs else 1
    kwargs = r.stack[-1] if has_kwargs else {}
    _method(r, r.stack[-total - 1], name, [*r.stack[-total], *kwargs.values()])


def _method(r: _Reading, obj: Any, name: str, args: list[Any]) -> None:
    """A container's method (one step in CPython): what it touches of the container, and of
    the containers it walks through (`a.extend(b)`)."""
    if not isinstance(obj, CONTAINERS):
        if name == "shuffle" and args:  # random.Random's
            r.whole(args[0], True)
        return
    if name in _WALKS_ARGS:
        for value in args:
            r.whole(value)
    keyed = _KEYED.get(name)
    if keyed is not None and args and isinstance(obj, keyed[0]) and _scalar_key(args[0]):
        present = args[0] in obj
        changes = present if keyed[1] else not present
        if not keyed[2] or not changes:  # it only looks the key up
            r.item(obj, args[0], False)
            return
        r.changes(obj, args[0])
        return
    r.whole(obj, name not in _READ_METHODS)


#: Methods that look at one key: (on what, whether they change it where it is present (else
#: where absent), whether they may change it at all).
_KEYED: dict[str, tuple[type | tuple[type, ...], bool, bool]] = {
    "get": (dict, True, False),
    "setdefault": (dict, False, True),
    "pop": (dict, True, True),
    "add": (set, False, True),
    "discard": (set, True, True),
    "remove": (set, True, True),
}
#: Methods of a container that only read it (all others write it: `append`, `popleft`, …).
_READ_METHODS = frozenset({
    "count", "index", "copy", "keys", "values", "items", "most_common", "elements", "total",
    "union", "intersection", "difference", "symmetric_difference", "issubset",
    "issuperset", "isdisjoint", "get"})
#: Methods that walk through their container arguments.
_WALKS_ARGS = frozenset({
    "extend", "extendleft", "update", "union", "intersection", "difference",
    "symmetric_difference", "issubset", "issuperset", "isdisjoint", "intersection_update",
    "difference_update", "symmetric_difference_update", "subtract"})
#: Built-ins that read only a container's size, change their first argument, or look at no
#: container's contents (its identity or type).
_SIZE_CALLS = frozenset({"len", "bool"})
_MUTATING_CALLS = frozenset({
    "heapq.heappush", "heapq.heappop", "heapq.heapify", "heapq.heapreplace",
    "heapq.heappushpop", "bisect.insort", "bisect.insort_left", "bisect.insort_right",
    "random.shuffle"})
_BLIND_CALLS = frozenset({"id", "type", "isinstance", "issubclass", "callable", "hash"})

_READERS: dict[str, Callable[[_Reading, Any], None]] = {
    "GET_ATTR": _get_attr, "SET_ATTR": _set_attr, "DELETE_ATTR": _delete_attr,
    "COMPUTE_ATTR": _compute_attr,
    "SUBSCR": _subscr, "STORE_SUBSCR": _store_subscr, "DELETE_SUBSCR": _delete_subscr,
    "COMPARE": _compare, "BINOP": _binop, "COMPUTE": _binop, "UNARY": _size_of_top,
    "JUMP_IF_TRUE": _size_of_top, "JUMP_IF_FALSE": _size_of_top,
    "JUMP_IF_TRUE_OR_KEEP": _size_of_top, "JUMP_IF_FALSE_OR_KEEP": _size_of_top,
    "FORMAT": _format, "UNPACK": _whole_top, "UNPACK_EX": _whole_top, "MATCH": _whole_top,
    "BUILD_SPREAD": _spread, "FOR_ITER": _for_iter,
    "SEND": lambda r, arg: _for_iter(r, arg, -2),  # `yield from` a list: the value sent is on top
    "CALL": _call, "CALL_SPREAD": _call_spread,
    "CALL_METHOD": _call_method, "CALL_METHOD_SPREAD": _call_method_spread,
}
