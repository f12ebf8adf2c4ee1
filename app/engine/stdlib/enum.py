"""`enum`: `Enum`, `auto()` and `@unique`, as CPython 3.13 makes an enumeration.

`class State(Enum)` is a class of the program's (classes.make_class notes "enum" in its
options and leaves `Enum` out of its bases, as it does `object`); once its body has run,
each public name it assigns a value (not a function or class) becomes a member: an object
of the class with `name` and `value`, made once (a second name for the same value is an
alias of the first member).
`State.IDLE` prints as `State.IDLE`, its repr is `<State.IDLE: 1>`; the class iterates
over its members in order, `len(State)` counts them, `State(1)` finds one by value and
`State["IDLE"]` by name, with CPython's errors.

A `Flag` (and an `IntFlag`, whose members are also ints) combines its members with `|`,
`&`, `^` and `~`: a value no member has is a pseudo-member named by the one-bit members it
holds, in the order of the class body (`Perm.R|X`), made once and kept in the class under
a name no program writes (`(pseudo-members)`, by value), as CPython keeps it in its value
map. Iterating the class
gives its one-bit members only, as 3.11+ does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from ..builtin import Builtin
from ..classes import ClassMethod, Instance, Property, StaticMethod, UserClass, make_class
from ..errors import BudgetError
from ..introspect import LIBRARY_TYPES
from ..machine import RUNNING
from ..nested import call_now
from ..values import Function, SimException, Thrown, fail, mappingproxy, quoted, type_name

if TYPE_CHECKING:
    from ..machine import Machine, Thread


class Auto:
    """`auto()`: the member's value is the previous int value plus one (1 for the first).

    CPython gives it its value as the class body assigns it, so `WHITE = RED | BLUE` in a
    Flag combines two ints; here the body's `|`, `&`, `^` on autos make a `Combined`, worked
    out with the members (`make_members`)."""

    __slots__ = ()
    type_name = "auto"

    def __repr__(self) -> str:
        return "auto(...)"

    def __or__(self, other: Any) -> Combined:
        return Combined("or", self, other)

    def __ror__(self, other: Any) -> Combined:
        return Combined("or", other, self)

    def __and__(self, other: Any) -> Combined:
        return Combined("and", self, other)

    def __rand__(self, other: Any) -> Combined:
        return Combined("and", other, self)

    def __xor__(self, other: Any) -> Combined:
        return Combined("xor", self, other)

    def __rxor__(self, other: Any) -> Combined:
        return Combined("xor", other, self)


class Combined(Auto):
    """`RED | BLUE` on autos in a class body: its value once theirs are known."""

    __slots__ = ("op", "left", "right")

    def __init__(self, op: str, left: Any, right: Any) -> None:
        self.op, self.left, self.right = op, left, right

    def value(self, known: dict[int, Any]) -> Any:
        left, right = (known.get(id(x), x) if type(x) is Auto else x.value(known)
                       if isinstance(x, Combined) else x for x in (self.left, self.right))
        if type(left) is not int or type(right) is not int:
            raise fail("TypeError", f"unsupported operand type(s) for {_SIGNS[self.op]}: "
                                    f"'{type_name(left)}' and '{type_name(right)}'")
        return left | right if self.op == "or" else left & right if self.op == "and" else (
            left ^ right)


_SIGNS = {"or": "|", "and": "&", "xor": "^"}


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
    known: dict[int, Any] = {}  # each auto's value, by its id, for a `Combined`
    for name, value in list(cls.attrs.items()):
        if not _is_member(name, value):
            continue
        if isinstance(value, Combined):
            value = value.value(known)
        elif isinstance(value, Auto):  # a StrEnum's is the lowercased name
            auto, value = value, name.lower() if "strenum" in cls.options else _next_value(
                cls, by_value, last)
            known[id(auto)] = value
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


def _next_value(cls: UserClass, made: list[Instance], last: Any) -> Any:
    """`auto()`: the last value plus one (1 first); in a Flag the next power of two above
    the highest value so far."""
    if "flag" not in cls.options:
        return last + 1 if isinstance(last, int) else 1
    values = [x.attrs["value"] for x in made]
    if not values:
        return 1
    try:
        return 2 ** max(values).bit_length()
    except (TypeError, AttributeError):
        raise fail("TypeError", f"invalid flag value {quoted(max(values))}") from None


def _defined(cls: UserClass) -> list[Instance]:
    """The members the class body made, in order, aliases once (no pseudo-members)."""
    found: dict[int, Instance] = {}  # by identity: an alias is the same member
    for value in cls.attrs.values():
        if isinstance(value, Instance) and value.cls is cls:
            found.setdefault(id(value), value)
    return list(found.values())


def _one_bit(member: Instance) -> bool:
    value = member.attrs["value"]
    return isinstance(value, int) and value > 0 and value & (value - 1) == 0


def members(cls: UserClass) -> list[Instance]:
    """The class's members in order, aliases once; a Flag's one-bit members only."""
    found = _defined(cls)
    return [x for x in found if _one_bit(x)] if "flag" in cls.options else found


def by_value(cls: UserClass, value: Any) -> Instance:
    """`State(1)`: the member with that value (a Flag's pseudo-member for a combination)."""
    for member in _defined(cls):
        if member is value or member.attrs["value"] == value:
            return member
    if "flag" in cls.options and type(value) is int:
        return flag_member(cls, value)
    raise fail("ValueError", f"{quoted(value)} is not a valid {cls.qualname}")


def _mask(cls: UserClass) -> int:
    mask = 0
    for member in _defined(cls):
        if isinstance(member.attrs["value"], int):
            mask |= member.attrs["value"]
    return mask


def _bin(num: int, bits: int) -> str:
    """CPython's `enum._bin`: `0b0 0111`, the sign bit apart."""
    ceiling = 2 ** num.bit_length()
    text = bin(num + ceiling).replace("1", "0", 1) if num >= 0 else bin(
        ~num ^ (ceiling - 1) + ceiling)
    sign, digits = text[:3], text[3:]
    if len(digits) < bits:
        digits = (sign[-1] * bits + digits)[-bits:]
    return f"{sign} {digits}"


def flag_member(cls: UserClass, value: int) -> Instance:
    """The member of Flag `cls` with `value`, made (once) when no member has it: named by
    the one-bit members it holds (`R|X`), an IntFlag's other bits after them as a number."""
    for member in _defined(cls):
        if member.attrs["value"] == value:
            return member
    mask = _mask(cls)
    if "intenum" in cls.options:
        if value < 0:  # IntFlag keeps any int: a negative one within its bits
            value += 2 ** mask.bit_length()
    elif value < 0 or value & ~mask:
        bits = max(value.bit_length(), mask.bit_length())
        raise fail("ValueError", f"<flag {cls.name!r}> invalid value {value}\n    given "
                                 f"{_bin(value, bits)}\n  allowed {_bin(mask, bits)}")
    made = cls.attrs.setdefault(_PSEUDO, {})
    if value in made:
        return cast("Instance", made[value])
    names = [x.attrs["name"] for x in members(cls) if value & x.attrs["value"]]
    if value & ~mask:
        names.append(str(value & ~mask))
    running = RUNNING.get()
    assert running is not None, "a pseudo-member is made inside a step"
    m = running[0]
    m.serial += 1
    member = Instance(cls, m.serial)
    member.attrs.update(name="|".join(names) or None, value=value)
    member.label = f"{cls.name}.{member.attrs['name']}" if names else f"{cls.name}(0)"
    member.building = False
    made[value] = member
    return member


#: The key of a Flag's pseudo-members in its class: by value.
_PSEUDO = "(pseudo-members)"


def combine(member: Instance, op: str, other: Any) -> Any:
    """`member | other` (`op` "or", "and", "xor") for a Flag's member: a member, or None when
    `other` is not one of its class (nor, for an IntFlag, an int)."""
    if type(other) is Instance and other.cls is member.cls:
        theirs = other.attrs["value"]
    elif "intenum" in member.cls.options and type(other) is int:
        theirs = other
    else:
        return None
    mine = member.attrs["value"]
    value = mine | theirs if op == "or" else mine & theirs if op == "and" else mine ^ theirs
    return flag_member(member.cls, value)


def invert(member: Instance) -> Instance:
    """`~member`: the class's other bits (an IntFlag's within its highest bit)."""
    value = member.attrs["value"]
    if "intenum" in member.cls.options:
        return flag_member(member.cls, ~value)
    return flag_member(member.cls, _mask(member.cls) & ~value)


def members_map(cls: UserClass) -> mappingproxy:
    """`cls.__members__`, only an enumeration's: each name of the class body and its
    member, aliases included."""
    if "enum" not in cls.options:
        raise fail("AttributeError", f"type object '{cls.name}' has no attribute "
                                     f"'__members__'")
    return mappingproxy((name, value) for name, value in cls.attrs.items()
                        if isinstance(value, Instance) and value.cls is cls)


def flag_parts(member: Instance) -> list[Instance]:
    """`list(Perm.R | Perm.W)`, `len(…)`: the one-bit members it holds, in class order."""
    value = member.attrs["value"]
    return [x for x in members(member.cls) if value & x.attrs["value"]]


def flag_contains(member: Instance, item: Any) -> bool:
    if type(item) is not Instance or item.cls is not member.cls:
        raise fail("TypeError", f"unsupported operand type(s) for 'in': "
                                f"'{type_name(item)}' and '{member.cls.name}'")
    return bool(item.attrs["value"] & member.attrs["value"] == item.attrs["value"])


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
    if name is None:  # a Flag's empty pseudo-member
        return f"{obj.cls.name}({value})" if which == "__str__" else (
            f"<{obj.cls.name}: {value}>")
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


def _getitem(cls: UserClass, name: Any) -> Any:
    if "generic" in cls.options:  # `Repository[User]`: the class itself, as a base or a hint
        return cls
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


#: The most members an enumeration made by a call may have (a class body's are bounded by
#: the source's size).
MAX_MEMBERS = 1000


def _functional(kind: str) -> Any:
    """`Enum("Color", "RED GREEN")` (names in a string, a list, `(name, value)` pairs or a
    dict), as CPython's functional API makes the class; its values from `start` (1) on, a
    Flag's powers of two, a StrEnum's the lowercased names."""
    def make(m: Machine, th: Thread, *args: Any, start: Any = 1, **kwargs: Any) -> Any:
        if not args:
            raise fail("TypeError", "EnumType.__call__() missing 1 required positional "
                                    "argument: 'value'")
        if len(args) == 1 or kwargs or len(args) > 2 or not isinstance(args[0], str):
            shown = "flag" if "Flag" in kind else "enum"
            raise fail("TypeError", f"<{shown} {kind!r}> has no members; specify `names=()` "
                                    f"if you meant to create a new, empty, enum")
        name, names = args
        if isinstance(names, str):
            names = names.replace(",", " ").split()
        if isinstance(names, dict):
            pairs = list(names.items())
        elif isinstance(names, list | tuple) and all(isinstance(x, str) for x in names):
            pairs, value = [], start
            for i, member in enumerate(names):
                if kind == "StrEnum":
                    value = member.lower()
                elif i and "Flag" in kind:
                    value = 2 ** value.bit_length()
                elif i:
                    value += 1
                pairs.append((member, value))
        elif isinstance(names, list | tuple) and all(
                isinstance(x, tuple) and len(x) == 2 for x in names):
            pairs = [tuple(x) for x in names]
        else:
            raise fail("TypeError", "the names of an enumeration made by a call are a str, a "
                                    "list of names or of (name, value) pairs, or a dict here")
        if len(pairs) > MAX_MEMBERS:  # each member is checked against those before it
            raise BudgetError(f"an enumeration of {len(pairs):,} members is over the limit "
                              f"of {MAX_MEMBERS:,}")
        for member, _ in pairs:
            if not isinstance(member, str) or not member.isidentifier():
                raise fail("ValueError", f"invalid enum member name: {quoted(member)}")
        cls = make_class(name, name, (TABLE[kind],), dict(pairs), ())
        make_members(m, th, cls)
        return cls
    return make


TABLE: dict[str, Any] = {
    **{kind: Builtin(kind, _functional(kind), module="enum")
       for kind in ("Enum", "IntEnum", "StrEnum", "Flag", "IntFlag")},
    "auto": Builtin("auto", lambda m, th: Auto(), module="enum"),
    "unique": Builtin("unique", lambda m, th, cls: cls, module="enum"),
}
HINT = ("Supported from enum: Enum, IntEnum, StrEnum, Flag and IntFlag (members, name, value, "
        "iteration, len, lookup, a Flag's | & ^ ~ and in), auto, unique.")


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

