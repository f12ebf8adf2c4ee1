"""What `@dataclass` gives a class, as CPython 3.13's `Lib/dataclasses.py` writes it: the
fields (bases' first, then the class's annotated names), the `__init__` taking them in
order and calling `__post_init__`, `==` and (`order=True`) `<` … on the tuple of the
compared fields, `__hash__` (None with `eq` unless `frozen` or `unsafe_hash`), and
`frozen=True` refusing every assignment with `FrozenInstanceError`.

The methods are ours, not code generated into the program: nothing of the program runs but
its `default_factory` callables and its `__post_init__`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from .classes import MISSING, Field, Instance, UserClass
from .nested import call_now
from .values import EXCEPTION_BASES, fail

if TYPE_CHECKING:
    from .machine import Machine, Thread

# dataclasses.FrozenInstanceError derives from AttributeError.
EXCEPTION_BASES["FrozenInstanceError"] = "AttributeError"


class DataField(NamedTuple):
    """One field: its default (MISSING for none) or factory, and what it takes part in."""

    name: str
    default: Any
    factory: Any
    repr: bool = True
    compare: bool = True
    init: bool = True


def fields_of(cls: UserClass) -> tuple[DataField, ...]:
    """The fields @dataclass finds: the bases' first, then the class's annotated names,
    with their defaults (a `field(...)` in the body gives a factory, hides it from repr…)."""
    found: dict[str, DataField] = {}
    for base in reversed(cls.mro[1:]):
        if isinstance(base, UserClass) and base.fields is not None:
            found.update((f.name, f) for f in base.fields)
    for name in cls.annotations:
        default = cls.attrs.get(name, MISSING)
        if isinstance(default, Field):
            found[name] = DataField(name, default.default, default.factory, default.repr,
                                    default.compare, default.init)
            if default.default is MISSING:
                cls.attrs.pop(name)
            else:
                cls.attrs[name] = default.default
        else:
            found[name] = DataField(name, default, None)
        kind = type(found[name].default)
        if kind in (list, dict, set):  # CPython refuses a default whose class has no hash
            raise fail("ValueError", f"mutable default <class '{kind.__name__}'> for field "
                                     f"{name} is not allowed: use default_factory")
    fields = tuple(found.values())
    last_default = None
    for f in fields:
        if not f.init:
            continue
        if f.default is not MISSING or f.factory is not None:
            last_default = f.name
        elif last_default is not None:
            raise fail("TypeError", f"non-default argument '{f.name}' follows default "
                                    f"argument '{last_default}'")
    return fields


def init(m: Machine, th: Thread, cls: UserClass, obj: Any, args: list[Any],
         kwargs: dict[str, Any]) -> None:
    """The `__init__` @dataclass writes: one parameter per field (but `init=False` ones),
    in order; then the class's `__post_init__`, if it has one."""
    fields = cls.fields or ()
    names = [f.name for f in fields if f.init]
    if len(args) > len(names):
        required = sum(1 for f in fields if f.init and f.default is MISSING
                       and f.factory is None)
        takes = (f"from {required + 1} to {len(names) + 1} positional arguments"
                 if required < len(names) else
                 f"{len(names) + 1} positional argument{'s' if names else ''}")
        raise fail("TypeError", f"{cls.name}.__init__() takes {takes} but {len(args) + 1} "
                                f"were given")
    values = dict(zip(names, args, strict=False))
    for key, value in kwargs.items():
        if key not in names:
            raise fail("TypeError", f"{cls.name}.__init__() got an unexpected keyword "
                                    f"argument '{key}'")
        if key in values:
            raise fail("TypeError", f"{cls.name}.__init__() got multiple values for "
                                    f"argument '{key}'")
        values[key] = value
    missing = [f.name for f in fields if f.init and f.name not in values
               and f.default is MISSING and f.factory is None]
    if missing:
        listed = " and ".join(f"'{n}'" for n in missing) if len(missing) <= 2 else (
            ", ".join(f"'{n}'" for n in missing[:-1]) + f", and '{missing[-1]}'")
        raise fail("TypeError", f"{cls.name}.__init__() missing {len(missing)} required "
                                f"positional argument{'s' if len(missing) > 1 else ''}: "
                                f"{listed}")
    for f in fields:
        if f.name in values:
            obj.attrs[f.name] = values[f.name]
        elif f.factory is not None:
            obj.attrs[f.name] = call_now(m, th, f.factory, [])
        elif f.default is not MISSING:
            obj.attrs[f.name] = f.default
    post = cls.lookup("__post_init__")
    if post is not MISSING:
        call_now(m, th, post, [obj])


def compared(obj: Instance) -> tuple[Any, ...]:
    """The values `==`, `<` and `hash` of a dataclass object look at."""
    return tuple(obj.attrs.get(f.name) for f in obj.cls.fields or () if f.compare)


def frozen_error(name: str) -> Exception:
    return fail("FrozenInstanceError", f"cannot assign to field '{name}'")
