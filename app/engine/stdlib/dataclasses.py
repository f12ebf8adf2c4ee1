"""`dataclasses`: `@dataclass` (with or without arguments) and `field()`.

The decorator reads the class's annotated names (collected by the compiler from the class
body, in order) and makes them fields: `__init__` takes them in order, `repr` shows them
(`Item(name='widget', stock=100)`), `==` compares them; `order=True` adds `<` and friends.
The methods are ours (objects.py), not code generated into the program.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from ..builtin import Builtin
from ..classes import MISSING, Field, Instance, UserClass
from ..nested import call_now
from ..records import fields_of, object_fields
from ..values import ExceptionClass, fail
from .typing import Annotation

if TYPE_CHECKING:
    from ..machine import Machine, Thread

_OPTIONS = ("init", "repr", "eq", "order", "unsafe_hash", "frozen", "match_args",
            "kw_only", "slots", "weakref_slot")


def _apply(cls: Any, options: dict[str, Any]) -> UserClass:
    if not isinstance(cls, UserClass):
        raise fail("TypeError", "dataclass() should be called on a class")
    eq, frozen = bool(options.get("eq", True)), bool(options.get("frozen", False))
    if options.get("order") and not eq:
        raise fail("ValueError", "eq must be true if order is true")
    for base in cls.mro[1:]:
        if isinstance(base, UserClass) and base.fields is not None and base.frozen != frozen:
            raise fail("TypeError", "cannot inherit non-frozen dataclass from a frozen one"
                       if frozen is False else "cannot inherit frozen dataclass from a "
                                               "non-frozen one")
    cls.fields = fields_of(cls, bool(options.get("kw_only", False)))
    chosen = {"eq": eq, "order": bool(options.get("order", False)),
              "repr": bool(options.get("repr", True)) and "__repr__" not in cls.attrs,
              "hash": bool(options.get("unsafe_hash")) or (eq and frozen)}
    cls.options = tuple(sorted(name for name, on in chosen.items() if on))
    if eq and not chosen["hash"] and "__hash__" not in cls.attrs:
        cls.attrs["__hash__"] = None  # as CPython's: comparable by value, so not hashable
    cls.frozen = frozen
    if options.get("slots"):
        _make_slots(cls)
    cls.guarded = frozen or cls.guarded
    return cls


def _make_slots(cls: UserClass) -> None:
    """`slots=True`: `__slots__` names the fields its bases' slots do not (CPython makes a
    new class so; here the class itself changes). Its objects then take no other attribute,
    unless a base without slots gives them a `__dict__`."""
    bases = cls.mro[1:]
    inherited = {name for c in bases if isinstance(c, UserClass) for name in c.slots or ()}
    names = tuple(f.name for f in object_fields(cls) if f.name not in inherited)
    cls.attrs["__slots__"] = names
    if all(isinstance(c, UserClass) and c.slots is not None for c in bases):
        cls.slots = tuple(sorted({*names, *inherited}))
        cls.guarded = True


def _dataclass(m: Machine, th: Thread, cls: Any = None, /, **options: Any) -> Any:
    for name in options:
        if name not in _OPTIONS:
            raise fail("TypeError", f"dataclass() got an unexpected keyword argument '{name}'")
    if cls is None:
        return Builtin("dataclass", lambda m, th, c: _apply(c, options), module="dataclasses")
    return _apply(cls, options)


def _field(m: Machine, th: Thread, *, default: Any = MISSING, default_factory: Any = None,
           repr: bool = True, init: bool = True, compare: bool = True,
           **extra: Any) -> Field:
    if default is not MISSING and default_factory is not None:
        raise fail("ValueError", "cannot specify both default and default_factory")
    return Field(default, default_factory, bool(repr), bool(init), bool(compare), extra)


def _fields_of(value: Any, fn: str) -> tuple[Any, ...]:
    cls = value.cls if isinstance(value, Instance) else value
    if not isinstance(cls, UserClass) or cls.fields is None:
        raise fail("TypeError", f"{fn}() should be called on dataclass instances"
                   if fn != "fields" else "must be called with a dataclass type or instance")
    return object_fields(cls)


def _fields(m: Machine, th: Thread, value: Any) -> tuple[Any, ...]:
    """`fields(cls_or_obj)`: its fields, each with `name`, `default`, `repr`…"""
    return _fields_of(value, "fields")


def _copied(value: Any, kind: str, depth: int = 0) -> Any:
    """asdict/astuple's copy: dataclass objects as dicts (tuples), containers copied."""
    if depth > 100:
        raise fail("RecursionError", "maximum recursion depth exceeded")
    if isinstance(value, Instance) and value.cls.fields is not None:
        pairs = [(f.name, _copied(value.attrs.get(f.name), kind, depth + 1))
                 for f in object_fields(value.cls)]
        return dict(pairs) if kind == "dict" else tuple(v for _, v in pairs)
    if isinstance(value, list | tuple):
        return type(value)(_copied(v, kind, depth + 1) for v in value)
    if isinstance(value, dict):
        return {_copied(k, kind, depth + 1): _copied(v, kind, depth + 1) for k, v in value.items()}
    return value


def _asdict(m: Machine, th: Thread, obj: Any) -> dict[str, Any]:
    _fields_of(obj if isinstance(obj, Instance) else None, "asdict")
    return cast("dict[str, Any]", _copied(obj, "dict"))


def _astuple(m: Machine, th: Thread, obj: Any) -> tuple[Any, ...]:
    _fields_of(obj if isinstance(obj, Instance) else None, "astuple")
    return cast("tuple[Any, ...]", _copied(obj, "tuple"))


def _replace(m: Machine, th: Thread, obj: Any, /, **changes: Any) -> Any:
    """`replace(obj, **changes)`: a new object, made by the class from the old one's fields."""
    fields = _fields_of(obj if isinstance(obj, Instance) else None, "replace")
    values = {f.name: obj.attrs.get(f.name) for f in fields if f.init}
    for name in changes:
        if name not in values:
            raise fail("TypeError", f"{obj.cls.name}.__init__() got an unexpected keyword "
                                    f"argument '{name}'")
    values.update(changes)
    return call_now(m, th, obj.cls, [], values)


def _is_dataclass(m: Machine, th: Thread, obj: Any) -> bool:
    """`is_dataclass(obj)`: a dataclass, or an object of one (a plain subclass is one)."""
    cls = obj.cls if isinstance(obj, Instance) else obj
    return isinstance(cls, UserClass) and cls.fields is not None


TABLE: dict[str, Any] = {
    "dataclass": Builtin("dataclass", _dataclass, module="dataclasses"),
    "is_dataclass": Builtin("is_dataclass", _is_dataclass, module="dataclasses"),
    "field": Builtin("field", _field, module="dataclasses"),
    "FrozenInstanceError": ExceptionClass("FrozenInstanceError"),
    # for annotations only: the compiler reads them there (`_: KW_ONLY`, `x: InitVar[int]`)
    "KW_ONLY": Annotation("dataclasses", "KW_ONLY"),
    "InitVar": Annotation("dataclasses", "InitVar"),
    **{b.name: b for b in (Builtin("fields", _fields, module="dataclasses"),
                           Builtin("asdict", _asdict, module="dataclasses"),
                           Builtin("astuple", _astuple, module="dataclasses"),
                           Builtin("replace", _replace, module="dataclasses"))},
}
HINT = ("Supported: dataclass (eq, order, frozen, unsafe_hash, repr, kw_only, slots), "
        "field(default=…, default_factory=…, repr=…, compare=…, init=…, kw_only=…), fields, "
        "asdict, astuple, replace, is_dataclass, FrozenInstanceError, KW_ONLY and InitVar (in "
        "annotations).")
