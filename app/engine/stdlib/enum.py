"""`enum`: `Enum`, `auto()` and `@unique`, as CPython 3.13 makes an enumeration.

`class State(Enum)` is a class of the program's (classes.make_class notes "enum" in its
options and leaves `Enum` out of its bases, as it does `object`); once its body has run,
each public name it assigns a value (not a function or class) becomes a member: an object
of the class with `name` and `value`, made once (a second name for the same value is an
alias of the first member).
`State.IDLE` prints as `State.IDLE`, its repr is `<State.IDLE: 1>`; the class iterates
over its members in order, `len(State)` counts them, `State(1)` finds one by value and
`State["IDLE"]` by name, with CPython's errors.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..builtin import Builtin
from ..classes import ClassMethod, Instance, Property, StaticMethod, UserClass
from ..introspect import LIBRARY_TYPES
from ..nested import call_now
from ..values import Function, SimException, Thrown, fail, quoted

if TYPE_CHECKING:
    from ..machine import Machine, Thread


class Auto:
    """`auto()`: the member's value is the previous int value plus one (1 for the first)."""

    __slots__ = ()
    type_name = "auto"

    def __repr__(self) -> str:
        return "auto(...)"


def _is_member(name: str, value: Any) -> bool:
    return not name.startswith("_") and not isinstance(
        value, Function | StaticMethod | ClassMethod | Property | UserClass | Builtin)


def make_members(m: Machine, th: Thread, cls: UserClass) -> None:
    """Turn the class's value attributes into its members, in the order of its body. A
    class with its own `__init__` has it called on each new member with the value (a tuple
    unpacked), as CPython does (the docs' `Planet(mass, radius)`)."""
    init = cls.lookup("__init__")
    by_value: list[Instance] = []
    last: Any = 0
    for name, value in list(cls.attrs.items()):
        if not _is_member(name, value):
            continue
        if isinstance(value, Auto):  # a StrEnum's is the lowercased name
            value = name.lower() if "strenum" in cls.options else (
                last + 1 if isinstance(last, int) else 1)
        if "strenum" in cls.options and not isinstance(value, str):
            raise fail("TypeError", f"{quoted(value)} is not a string")
        last = value
        member = next((x for x in by_value if x.attrs["value"] == value), None)
        if member is None:
            m.serial += 1
            member = Instance(cls, m.serial)
            member.attrs.update(name=name, value=value)
            member.label = f"{cls.name}.{name}"
            member.building = False
            by_value.append(member)
            if isinstance(init, Function):
                call_now(m, th, init, [member, *(value if type(value) is tuple else (value,))])
        cls.attrs[name] = member


def members(cls: UserClass) -> list[Instance]:
    """The class's members in order, aliases once."""
    found: list[Instance] = []
    for value in cls.attrs.values():
        if isinstance(value, Instance) and value.cls is cls and value not in found:
            found.append(value)
    return found


def by_value(cls: UserClass, value: Any) -> Instance:
    """`State(1)`: the member with that value."""
    for member in members(cls):
        if member is value or member.attrs["value"] == value:
            return member
    raise fail("ValueError", f"{quoted(value)} is not a valid {cls.qualname}")


def int_value(value: Any) -> Any:
    """An IntEnum member as its int (in arithmetic), a StrEnum member as its str (in
    comparisons and hashing, as both are); else the value."""
    if type(value) is Instance and acts_as_value(value.cls):
        return value.attrs["value"]
    return value


def acts_as_value(cls: UserClass) -> bool:
    """Whether the members of `cls` are their values (an IntEnum's ints, a StrEnum's
    strs) in comparisons, hashing, `str()` and formatting."""
    return "intenum" in cls.options or "strenum" in cls.options


def text(obj: Instance, which: str) -> str:
    name, value = obj.attrs["name"], obj.attrs["value"]
    if which == "__str__" and acts_as_value(obj.cls):
        return str(value)  # IntEnum's and StrEnum's str is their value's (3.11+)
    if which == "__str__":
        return f"{obj.cls.name}.{name}"
    return f"<{obj.cls.name}.{name}: {quoted(value)}>"


def _is_enum(cls: Any) -> bool:
    return "enum" in cls.options


def _iter(cls: UserClass) -> Any:
    if not _is_enum(cls):
        raise fail("TypeError", "'type' object is not iterable")
    return iter(members(cls))


def _len(cls: UserClass) -> int:
    if not _is_enum(cls):
        raise fail("TypeError", "object of type 'type' has no len()")
    return len(members(cls))


def _getitem(cls: UserClass, name: Any) -> Instance:
    if not _is_enum(cls):
        raise fail("TypeError", f"type '{cls.name}' is not subscriptable")
    found = cls.attrs.get(name) if isinstance(name, str) else None
    if not isinstance(found, Instance) or found.cls is not cls:
        raise Thrown(SimException("KeyError", (name,)))
    return found


def _contains(cls: UserClass, item: Any) -> bool:
    if not _is_enum(cls):
        raise fail("TypeError", "argument of type 'type' is not iterable")
    return any(x is item or x.attrs["value"] == item for x in members(cls))


for _name, _method in {"__iter__": _iter, "__len__": _len, "__getitem__": _getitem,
                       "__contains__": _contains}.items():
    setattr(UserClass, _name, _method)


def _enum(m: Machine, th: Any, *args: Any, **kwargs: Any) -> Any:
    raise fail("TypeError", "EnumType.__call__() missing 1 required positional argument: "
                            "'value'")


TABLE: dict[str, Any] = {
    "Enum": Builtin("Enum", _enum, module="enum"),
    "IntEnum": Builtin("IntEnum", _enum, module="enum"),
    "StrEnum": Builtin("StrEnum", _enum, module="enum"),
    "auto": Builtin("auto", lambda m, th: Auto(), module="enum"),
    "unique": Builtin("unique", lambda m, th, cls: cls, module="enum"),
}
HINT = ("Supported from enum: Enum, IntEnum and StrEnum (members, name, value, iteration, "
        "len, lookup), auto, unique.")


def _int_member(cls: Any, obj: Any) -> bool | None:
    """`isinstance(Level.LOW, int)`: an IntEnum member is an int (see
    `introspect.LIBRARY_TYPES`); None for anything else, which the other tests decide."""
    if isinstance(cls, Builtin) and not cls.module and cls.name in ("int", "float") and (
            type(obj) is Instance and "intenum" in obj.cls.options):
        return cls.name == "int"
    if isinstance(cls, Builtin) and not cls.module and cls.name == "str" and (
            type(obj) is Instance and "strenum" in obj.cls.options):
        return True
    return None


LIBRARY_TYPES.append(_int_member)

