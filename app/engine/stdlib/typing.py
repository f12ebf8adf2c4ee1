"""`typing` and `__future__`: imported for annotations, which are never evaluated.

Type hints are everywhere in modern tutorials (`def worker(n: int) -> None`, `results:
List[int] = []`); the compiler skips annotations, as `from __future__ import annotations`
makes CPython do, so a typing name only has to be importable. Used anywhere else (`cast`,
`List[int]` as a value) it is a compile error: the compiler asks `is_annotation`. Two are
values: `TypeVar("T")`, and `Generic` (`Generic[T]`), which a generic class derives from
and which, like `object`, adds nothing to it (classes.make_class leaves it out); and
`NamedTuple`, the base of a class of annotated fields that is a namedtuple class.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..builtin import Builtin
from ..classes import UserClass
from ..values import fail, represent


@dataclass(frozen=True, slots=True)
class Annotation:
    """A name from `typing` (or a `__future__` feature): valid in annotations only."""

    module: str
    name: str


_TYPING = ("Any", "Callable", "ClassVar", "Deque", "DefaultDict", "Dict", "Final", "FrozenSet",
           "Generator", "Iterable", "Iterator", "List", "Literal", "Mapping",
           "NoReturn", "Optional", "Sequence", "Set", "Tuple", "Type", "Union",
           "AbstractSet", "Annotated", "AnyStr", "AsyncGenerator", "AsyncIterable",
           "AsyncIterator", "Awaitable", "BinaryIO", "ChainMap", "Collection", "Container",
           "ContextManager", "Coroutine", "Counter", "Hashable", "IO", "ItemsView", "KeysView",
           "LiteralString", "Match", "MutableMapping", "MutableSequence", "MutableSet", "Never",
           "NotRequired", "OrderedDict", "Pattern", "Required", "Reversible", "Self", "Sized",
           "SupportsAbs", "SupportsFloat", "SupportsIndex", "SupportsInt", "SupportsRound",
           "Text", "TextIO", "TypeAlias", "TypeGuard", "Unpack", "ValuesView")
#: collections.abc's classes, which annotations name as typing's (`Callable[[int], None]`).
_ABC = ("AsyncGenerator", "AsyncIterable", "AsyncIterator", "Awaitable", "Buffer", "ByteString",
        "Callable", "Collection", "Container", "Coroutine", "Generator", "Hashable",
        "ItemsView", "Iterable", "Iterator", "KeysView", "Mapping", "MappingView",
        "MutableMapping", "MutableSequence", "MutableSet", "Reversible", "Sequence", "Set",
        "Sized", "ValuesView")
_FUTURE = ("annotations", "division", "absolute_import", "print_function", "generator_stop",
           "unicode_literals", "with_statement", "nested_scopes", "generators")

HINT = ("typing names are for annotations only (" + ", ".join(_TYPING) + "), and "
        "TYPE_CHECKING, which is False; TypeVar, Generic and Protocol (bases that add "
        "nothing), NamedTuple and TypedDict (a class of annotated fields derives from them), "
        "cast, and the decorators overload, final and runtime_checkable are values.")
ABC_HINT = ("collections.abc names are for annotations here (" + ", ".join(_ABC) + "); "
            "isinstance() takes the common ones (Iterable, Callable, Mapping …).")
FUTURE_HINT = "Supported from __future__: " + ", ".join(_FUTURE) + " (all have no effect)."

@dataclass(frozen=True, slots=True)
class TypeVarValue:
    """`TypeVar("T")`: shown as CPython shows it, `~T`."""

    name: str
    type_name = "TypeVar"

    def __repr__(self) -> str:
        return f"~{self.name}"


class GenericBase:
    """`typing.Generic`, and `Generic[T]` (the same: the parameters only matter to a type
    checker)."""

    __slots__ = ()
    key = "typing.Generic"
    name = "Generic"
    type_name = "type"

    def __getitem__(self, params: Any) -> GenericBase:
        return self

    def __repr__(self) -> str:
        return "<class 'typing.Generic'>"

    def __reduce__(self) -> str:
        return "GENERIC"


GENERIC = GenericBase()


class ProtocolBase(GenericBase):
    """`typing.Protocol` (and `Protocol[T]`): a base that, for the program, adds nothing."""

    __slots__ = ()
    key = "typing.Protocol"
    name = "Protocol"

    def __repr__(self) -> str:
        return "<class 'typing.Protocol'>"

    def __reduce__(self) -> str:
        return "PROTOCOL"


PROTOCOL = ProtocolBase()


class NamedTupleBase:
    """`typing.NamedTuple` as a class's base: `class Point(NamedTuple)` with annotated
    fields makes a namedtuple class (stdlib/collections.typed_namedtuple)."""

    __slots__ = ()
    key = "typing.NamedTuple"
    name = "NamedTuple"
    type_name = "function"

    def __repr__(self) -> str:
        return "<function NamedTuple>"

    def __reduce__(self) -> str:
        return "NAMED_TUPLE"


NAMED_TUPLE = NamedTupleBase()


class TypedDictBase:
    """`typing.TypedDict` as a class's base: `class Job(TypedDict)` makes a class whose call
    makes a plain dict (stdlib/collections.TypedDictClass)."""

    __slots__ = ()
    key = "typing.TypedDict"
    name = "TypedDict"
    type_name = "function"

    def __repr__(self) -> str:
        return "<function TypedDict>"

    def __reduce__(self) -> str:
        return "TYPED_DICT"


TYPED_DICT = TypedDictBase()


def _as_is(name: str) -> Builtin:
    """A decorator that gives back what it decorates (`@overload`, `@final`)."""
    return Builtin(name, lambda m, th, value: value, module="typing")


def _checkable(m: Any, th: Any, cls: Any) -> Any:
    """`@runtime_checkable` on a protocol: `isinstance` may then ask it (classes.py)."""
    if not isinstance(cls, UserClass) or "protocol" not in cls.options:
        raise fail("TypeError", f"@runtime_checkable can be only applied to protocol "
                                f"classes, got {represent(cls)}")
    cls.options = (*cls.options, "checkable")
    return cls


def _typevar(m: Any, th: Any, name: Any, *constraints: Any, **options: Any) -> TypeVarValue:
    if not isinstance(name, str):
        raise fail("TypeError", "TypeVar name must be a string")
    return TypeVarValue(name)


TABLE: dict[str, Any] = {"TYPE_CHECKING": False,
                         **{name: Annotation("typing", name) for name in _TYPING},
                         "TypeVar": Builtin("TypeVar", _typevar, module="typing"),
                         "Generic": GENERIC, "Protocol": PROTOCOL, "NamedTuple": NAMED_TUPLE,
                         "TypedDict": TYPED_DICT,
                         "cast": Builtin("cast", lambda m, th, typ, value: value, module="typing"),
                         "runtime_checkable": Builtin("runtime_checkable", _checkable,
                                                      module="typing"),
                         **{name: _as_is(name) for name in ("overload", "final")}}
#: (library.py puts `abcs.TABLE`'s values in place of the names isinstance() takes)
ABC_TABLE: dict[str, Any] = {name: Annotation("collections.abc", name) for name in _ABC}
FUTURE: dict[str, Any] = {name: Annotation("__future__", name) for name in _FUTURE}


def is_annotation(value: Any) -> bool:
    return isinstance(value, Annotation)
