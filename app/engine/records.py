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
    #: Taken by keyword only (`kw_only=True`, `field(kw_only=True)`, after `_: KW_ONLY`).
    kw_only: bool = False
    #: An `InitVar`: an argument of `__init__` handed to `__post_init__`, no field of the
    #: object (`fields()`, repr, `==` and `asdict` leave it out).
    init_var: bool = False


def fields_of(cls: UserClass, kw_only: bool = False) -> tuple[DataField, ...]:
    """The fields @dataclass finds: the bases' first, then the class's annotated names,
    with their defaults (a `field(...)` in the body gives a factory, hides it from repr…);
    `kw_only` for `@dataclass(kw_only=True)`."""
    found: dict[str, DataField] = {}
    for base in reversed(cls.mro[1:]):
        if isinstance(base, UserClass) and base.fields is not None:
            found.update((f.name, f) for f in base.fields)
    for entry in cls.annotations:
        if entry == "*":  # `_: KW_ONLY`
            kw_only = True
            continue
        name = entry.lstrip("+")
        default = cls.attrs.get(name, MISSING)
        if isinstance(default, Field):
            found[name] = DataField(name, default.default, default.factory, default.repr,
                                    default.compare, default.init,
                                    bool(default.extra.get("kw_only", kw_only)))
            if default.default is MISSING:
                cls.attrs.pop(name)
            else:
                cls.attrs[name] = default.default
        elif entry.startswith("+"):
            found[name] = DataField(name, default, None, False, False, True, kw_only, True)
        else:
            found[name] = DataField(name, default, None, kw_only=kw_only)
        kind = type(found[name].default)
        if kind in (list, dict, set):  # CPython refuses a default whose class has no hash
            raise fail("ValueError", f"mutable default <class '{kind.__name__}'> for field "
                                     f"{name} is not allowed: use default_factory")
    fields = tuple(found.values())
    last_default = None
    for f in fields:
        if not f.init or f.kw_only:  # keyword-only ones may come in any order
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
    names = [f.name for f in fields if f.init and not f.kw_only]
    keywords = [f.name for f in fields if f.init and f.kw_only]
    if len(args) > len(names):
        required = sum(1 for f in fields if f.init and not f.kw_only
                       and f.default is MISSING and f.factory is None)
        takes = (f"from {required + 1} to {len(names) + 1} positional arguments"
                 if required < len(names) else
                 f"{len(names) + 1} positional argument{'s' if names else ''}")
        given = len(args) + 1
        by_keyword = sum(1 for key in kwargs if key in keywords)
        if by_keyword:  # CPython's words when keyword-only ones came too
            given_text = (f"{given} positional arguments (and {by_keyword} keyword-only "
                          f"argument{'s' if by_keyword > 1 else ''}) were given")
        else:
            given_text = f"{given} were given"
        raise fail("TypeError", f"{cls.name}.__init__() takes {takes} but {given_text}")
    values = dict(zip(names, args, strict=False))
    for key, value in kwargs.items():
        if key not in names and key not in keywords:
            raise fail("TypeError", f"{cls.name}.__init__() got an unexpected keyword "
                                    f"argument '{key}'")
        if key in values:
            raise fail("TypeError", f"{cls.name}.__init__() got multiple values for "
                                    f"argument '{key}'")
        values[key] = value
    for kw_only, kind in ((False, "positional"), (True, "keyword-only")):
        missing = [f.name for f in fields if f.init and f.kw_only == kw_only
                   and f.name not in values and f.default is MISSING and f.factory is None]
        if missing:
            listed = " and ".join(f"'{n}'" for n in missing) if len(missing) <= 2 else (
                ", ".join(f"'{n}'" for n in missing[:-1]) + f", and '{missing[-1]}'")
            raise fail("TypeError", f"{cls.name}.__init__() missing {len(missing)} required "
                                    f"{kind} argument{'s' if len(missing) > 1 else ''}: "
                                    f"{listed}")
    passed = [values.get(f.name, f.default) for f in fields if f.init_var]
    for f in fields:
        if f.init_var:
            continue
        if f.name in values:
            obj.attrs[f.name] = values[f.name]
        elif f.factory is not None:
            obj.attrs[f.name] = call_now(m, th, f.factory, [])
        elif f.default is not MISSING:
            obj.attrs[f.name] = f.default
    post = cls.lookup("__post_init__")
    if post is not MISSING:
        call_now(m, th, post, [obj, *passed])


def object_fields(cls: UserClass) -> tuple[DataField, ...]:
    """The fields its objects hold (what `fields()` and `asdict` give): no InitVar."""
    return tuple(f for f in cls.fields or () if not f.init_var)


def compared(obj: Instance) -> tuple[Any, ...]:
    """The values `==`, `<` and `hash` of a dataclass object look at."""
    return tuple(obj.attrs.get(f.name) for f in obj.cls.fields or () if f.compare)


def frozen_error(name: str) -> Exception:
    return fail("FrozenInstanceError", f"cannot assign to field '{name}'")
