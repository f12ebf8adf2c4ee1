"""`collections`: `deque`, `defaultdict`, `Counter`, `OrderedDict`, `ChainMap` (chainmap.py)
and `namedtuple`.

`deque`, `Counter` and `OrderedDict` are the host's own classes: their methods are C code
(or, for Counter, Python code that calls nothing of the program's), so a program reaches
them through the allow-lists of `calls.SAFE_METHODS`, exactly like a list's or a dict's, and
they are containers (`builtin.CONTAINERS`, or dicts): every touch of one that other threads
may reach is a step. CPython's deque methods are atomic (`append`, `popleft` under the GIL),
so each call is one step.

`defaultdict` is a dict subclass of ours, because its factory is a program's value (`int`,
`list`, a lambda): a missing key's value is made by `missing`, which the item-read
instruction calls, running a program's function with `nested.call_now` inside that step.

A `namedtuple(...)` class is a `NamedTupleClass`, its objects `NamedTuple`s: real tuples
(indexing, unpacking, `==` with a tuple, hashing) that also know their class, for the
fields' names.
"""

from __future__ import annotations

import collections as host
import keyword
from typing import TYPE_CHECKING, Any

from ..arith import check_ranges
from ..builtin import Builtin
from ..calls import ATTRIBUTES, SAFE_METHODS
from ..classes import MISSING, Method, UserClass
from ..generators import rest, walked
from ..introspect import LIBRARY_CLASSES, LIBRARY_TYPES
from ..nested import call_now
from ..values import (
    LAYOUTS,
    TYPE_NAMES,
    BoundMethod,
    ExceptionClass,
    Function,
    LibraryObject,
    display,
    fail,
    represent,
)
from . import containers_base
from .chainmap import ChainMap

if TYPE_CHECKING:
    from ..machine import Machine, Thread

deque = host.deque
Counter = host.Counter
OrderedDict = host.OrderedDict


class defaultdict(dict[Any, Any]):  # noqa: N801 - CPython's name, which messages show
    """`collections.defaultdict(factory, ...)`; `default_factory` is a program's value."""

    __slots__ = ("default_factory",)
    default_factory: Any

    def missing(self, m: Machine, th: Thread, key: Any) -> Any:
        """`self[key]` for a key it lacks: the factory's value, stored (`__missing__`)."""
        if self.default_factory is None:
            raise KeyError(key)
        value = call_now(m, th, self.default_factory, [])
        self[key] = value
        return value

    def copy(self) -> defaultdict:
        new = defaultdict(self)
        new.default_factory = self.default_factory
        return new


class NamedTupleClass(LibraryObject):
    """What `namedtuple('Point', 'x y')` returns: calling it makes a `NamedTuple`. One a
    `class Point(NamedTuple)` statement makes also has the methods its body defines."""

    __slots__ = ("name", "fields", "defaults", "methods")
    METHODS = frozenset({"__call__", "_make"})

    def __init__(self, name: str, fields: tuple[str, ...], defaults: tuple[Any, ...],
                 methods: dict[str, Function] | None = None) -> None:
        self.name = name
        self.fields = fields
        self.defaults = defaults
        self.methods = methods or {}

    def __repr__(self) -> str:
        return f"<class '__main__.{self.name}'>"

    def call(self, m: Machine, name: str, args: list[Any], kwargs: dict[str, Any]) -> Any:
        if name == "_make":
            if kwargs or len(args) != 1:
                raise fail("TypeError", f"{self.name}._make() takes 2 positional arguments "
                                        f"but {len(args) + 1} were given")
            check_ranges(args, m.program.budgets)
            values = tuple(args[0])
            if len(values) != len(self.fields):
                raise fail("TypeError", f"Expected {len(self.fields)} arguments, got "
                                        f"{len(values)}")
            return NamedTuple.of(self, values)
        return NamedTuple.of(self, self._bind(args, kwargs))

    def _bind(self, args: list[Any], kwargs: dict[str, Any]) -> tuple[Any, ...]:
        """The fields' values, bound as CPython's generated `__new__` binds them."""
        fields, where = self.fields, f"{self.name}.__new__()"
        if len(args) > len(fields):
            raise fail("TypeError", f"{where} takes {len(fields) + 1} positional arguments "
                                    f"but {len(args) + 1} were given")
        values = dict(zip(fields, args, strict=False))
        for key, value in kwargs.items():
            if key not in fields:
                raise fail("TypeError", f"{where} got an unexpected keyword argument '{key}'")
            if key in values:
                raise fail("TypeError", f"{where} got multiple values for argument '{key}'")
            values[key] = value
        first_default = len(fields) - len(self.defaults)
        missing = [f for i, f in enumerate(fields) if f not in values and i < first_default]
        if missing:
            names = " and ".join(f"'{f}'" for f in missing) if len(missing) <= 2 else (
                ", ".join(f"'{f}'" for f in missing[:-1]) + f", and '{missing[-1]}'")
            word = "argument" if len(missing) == 1 else "arguments"
            raise fail("TypeError", f"{where} missing {len(missing)} required positional "
                                    f"{word}: {names}")
        return tuple(values[f] if f in values else self.defaults[i - first_default]
                     for i, f in enumerate(fields))


class NamedTuple(tuple[Any, ...]):
    """An object of a namedtuple class: a tuple that knows its class (`kind`)."""

    kind: NamedTupleClass

    @staticmethod
    def of(kind: NamedTupleClass, values: tuple[Any, ...]) -> NamedTuple:
        new = NamedTuple(values)
        new.kind = kind
        return new

    def _asdict(self) -> dict[str, Any]:
        return dict(zip(self.kind.fields, self, strict=True))

    def _replace(self, **changes: Any) -> NamedTuple:
        unknown = [name for name in changes if name not in self.kind.fields]
        if unknown:
            raise fail("TypeError", f"Got unexpected field names: {represent(unknown)}")
        return NamedTuple.of(self.kind, tuple(changes.get(f, v)
                                              for f, v in zip(self.kind.fields, self,
                                                              strict=True)))


def _namedtuple(m: Machine, th: Thread, typename: Any, field_names: Any, *, rename: Any = False,
                defaults: Any = None, module: Any = None) -> NamedTupleClass:
    """CPython 3.13's checks (`collections/__init__.py`, namedtuple), with its messages."""
    check_ranges((field_names, defaults), m.program.budgets)
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    names = [display(name) for name in field_names]
    typename = display(typename)
    if rename:
        seen: set[str] = set()
        for i, name in enumerate(names):
            if (not name.isidentifier() or keyword.iskeyword(name) or name.startswith("_")
                    or name in seen):
                names[i] = f"_{i}"
            seen.add(name)
    for name in [typename, *names]:
        if not name.isidentifier():
            raise fail("ValueError", f"Type names and field names must be valid identifiers: "
                                     f"{name!r}")
        if keyword.iskeyword(name):
            raise fail("ValueError", f"Type names and field names cannot be a keyword: "
                                     f"{name!r}")
    seen = set()
    for name in names:
        if name.startswith("_") and not rename:
            raise fail("ValueError", f"Field names cannot start with an underscore: {name!r}")
        if name in seen:
            raise fail("ValueError", f"Encountered duplicate field name: {name!r}")
        seen.add(name)
    values = () if defaults is None else tuple(defaults)
    if len(values) > len(names):
        raise fail("TypeError", "Got more default values than field names")
    return NamedTupleClass(typename, tuple(names), values)


class TypedDictClass(LibraryObject):
    """What `class Job(TypedDict)` makes: calling it makes a plain dict, as in CPython."""

    __slots__ = ("name",)
    METHODS = frozenset({"__call__"})
    ATTRIBUTES = frozenset({"__name__"})

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"<class '__main__.{self.name}'>"

    def attribute(self, name: str) -> Any:
        return self.name

    def call(self, m: Machine, name: str, args: list[Any], kwargs: dict[str, Any]) -> Any:
        if len(args) > 1 or not all(isinstance(a, dict | list | tuple) for a in args):
            raise fail("TypeError", f"{self.name}() takes a dict or keyword arguments here")
        return dict(*args, **kwargs)


#: What a class body leaves in its namespace besides what it defines.
_BODY_NAMES = frozenset({"__module__", "__qualname__", "__doc__"})


def typed_namedtuple(name: str, namespace: dict[str, Any], fields: tuple[str, ...]
                     ) -> NamedTupleClass:
    """`class Point(NamedTuple)`: its annotated names are the fields, a value given to one
    its default; the functions it defines are its methods. CPython's errors for a field
    without a default after one with; other members (a property, a special method such as
    `__repr__`) are refused, not silently dropped."""
    defaults: list[Any] = []
    for field in fields:
        if field.startswith("_"):
            raise fail("ValueError", f"Field names cannot start with an underscore: {field!r}")
        if field in namespace:
            defaults.append(namespace[field])
        elif defaults:
            raise fail("TypeError", f"Non-default namedtuple field {field} cannot follow "
                                    f"default field{'s' if len(defaults) > 1 else ''} "
                                    f"{', '.join(f for f in fields if f in namespace)}")
    methods: dict[str, Function] = {}
    for key, value in namespace.items():
        if key in fields or key in _BODY_NAMES:
            continue
        if not isinstance(value, Function) or key.startswith("__"):
            raise fail("TypeError", f"a NamedTuple class may define plain methods here, not "
                                    f"'{key}' (a dataclass(frozen=True) can have more)")
        methods[key] = value
    return NamedTupleClass(name, fields, tuple(defaults), methods)


# -- constructors -------------------------------------------------------------------------------


def _deque(m: Machine, th: Thread, iterable: Any = (), maxlen: Any = None) -> Any:
    check_ranges((iterable,), m.program.budgets)
    return deque(rest(m, th, iterable), maxlen)


def _counter(m: Machine, th: Thread, *args: Any, **kwargs: Any) -> Any:
    check_ranges(args, m.program.budgets)
    return Counter(*walked(m, th, args), **kwargs)


def _ordered_dict(m: Machine, th: Thread, *args: Any, **kwargs: Any) -> Any:
    check_ranges(args, m.program.budgets)
    return OrderedDict(*walked(m, th, args), **kwargs)


def _defaultdict(m: Machine, th: Thread, *args: Any, **kwargs: Any) -> defaultdict:
    factory, given = (args[0], args[1:]) if args else (None, ())
    if factory is not None and not _callable(factory):
        raise fail("TypeError", "first argument must be callable or None")
    check_ranges(given, m.program.budgets)
    new = defaultdict(*walked(m, th, given), **kwargs)
    new.default_factory = factory
    return new


def _chainmap(m: Machine, th: Thread, *maps: Any) -> ChainMap:
    return ChainMap(list(maps), m.program.budgets.items)


def _callable(value: Any) -> bool:
    return isinstance(value, Builtin | Function | BoundMethod | ExceptionClass | UserClass
                      | Method | NamedTupleClass)


# -- what a program reaches -----------------------------------------------------------------------

_DICT = SAFE_METHODS[dict]
SAFE_METHODS.update({
    deque: frozenset({"append", "appendleft", "pop", "popleft", "extend", "extendleft",
                      "rotate", "clear", "copy", "count", "index", "insert", "remove",
                      "reverse"}),
    Counter: _DICT | {"most_common", "update", "subtract", "total", "elements"},
    OrderedDict: _DICT | {"move_to_end"},
    defaultdict: _DICT,
    ChainMap: frozenset({"get", "keys", "values", "items", "pop", "setdefault", "update",
                         "clear", "copy", "new_child"}),
    NamedTuple: SAFE_METHODS[tuple] | {"_asdict", "_replace"},
})


def _attribute(obj: Any, name: str) -> Any:
    """The attributes (not methods) of these types, MISSING where there is none."""
    if isinstance(obj, NamedTuple):
        if name in obj.kind.fields:
            return obj[obj.kind.fields.index(name)]
        if name in obj.kind.methods:
            return Method(obj.kind.methods[name], obj)
        obj = obj.kind
    if isinstance(obj, NamedTupleClass):
        if name in obj.methods:
            return obj.methods[name]
        if name == "_fields":
            return obj.fields
        if name == "__name__":
            return obj.name
        if name == "_field_defaults":
            return dict(zip(obj.fields[len(obj.fields) - len(obj.defaults):], obj.defaults,
                            strict=True))
    if isinstance(obj, deque) and name == "maxlen":
        return obj.maxlen
    if isinstance(obj, defaultdict) and name == "default_factory":
        return obj.default_factory
    if isinstance(obj, ChainMap) and name in ("maps", "parents"):
        return obj.maps if name == "maps" else obj.parents
    return MISSING


ATTRIBUTES.update({NamedTuple: _attribute, NamedTupleClass: _attribute, deque: _attribute,
                   defaultdict: _attribute, ChainMap: _attribute})


LAYOUTS.update({
    deque: lambda d: ("deque([", d, "])" if d.maxlen is None else f"], maxlen={d.maxlen})",
                      None),
    Counter: lambda c: (("Counter({", _by_count(c), "})") if c else ("Counter(", (), ")"))
    + (": ",),
    OrderedDict: lambda d: (("OrderedDict({", d.items(), "})") if d else
                            ("OrderedDict(", (), ")")) + (": ",),
    defaultdict: lambda d: (f"defaultdict({represent(d.default_factory)}, {{", d.items(),
                            "})", ": "),
    ChainMap: lambda c: ("ChainMap(", c.maps, ")", None),
    NamedTuple: lambda t: (f"{t.kind.name}(", zip(t.kind.fields, t, strict=True), ")", "="),
})


def _by_count(counter: Any) -> Any:
    """A Counter's items as its repr lists them: by count, most first (`most_common`)."""
    try:
        return counter.most_common()
    except TypeError:  # counts that do not compare: CPython shows them as they are
        return list(counter.items())


def _instance(cls: Any, obj: Any) -> bool | None:
    """`isinstance(obj, cls)` for a class of this module (see `introspect.LIBRARY_TYPES`)."""
    if isinstance(cls, NamedTupleClass):
        return isinstance(obj, NamedTuple) and obj.kind is cls
    kind = _KINDS.get(cls.key) if isinstance(cls, Builtin) else None
    return None if kind is None else isinstance(obj, kind)


_KINDS = {"collections.deque": deque, "collections.defaultdict": defaultdict,
          "collections.Counter": Counter, "collections.OrderedDict": OrderedDict,
          "collections.ChainMap": ChainMap}
LIBRARY_TYPES.append(_instance)
for _kind in _KINDS.values():  # each named as in TABLE
    LIBRARY_CLASSES[_kind] = lambda obj: TABLE[type(obj).__name__]
LIBRARY_CLASSES[NamedTuple] = lambda obj: obj.kind
TYPE_NAMES[NamedTuple] = lambda obj: obj.kind.name

TABLE: dict[str, Any] = {
    "deque": Builtin("deque", _deque, "containers", "collections"),
    "defaultdict": Builtin("defaultdict", _defaultdict, "containers", "collections"),
    "Counter": Builtin("Counter", _counter, "containers", "collections"),
    "OrderedDict": Builtin("OrderedDict", _ordered_dict, "containers", "collections"),
    "ChainMap": Builtin("ChainMap", _chainmap, "containers", "collections"),
    "namedtuple": Builtin("namedtuple", _namedtuple, "never", "collections"),
    **containers_base.TABLE,
}

HINT = "Supported: " + ", ".join(sorted(TABLE)) + "."
