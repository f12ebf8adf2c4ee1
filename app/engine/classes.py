"""Classes a program defines: the class, its objects, binding methods, `super()`, and the
decorators that change what a class attribute is (`@staticmethod`, `@classmethod`,
`@property`).

A class is a `UserClass`: its namespace, its bases and its method resolution order (C3, as
CPython computes it). Its objects are `Instance`s, except two kinds the engine already knows:
an object of an exception class is a `SimException` (with `cls` and `attrs`), so it is raised
and caught like a built-in one, and an object of a `threading.Thread` subclass is a
`ThreadHandle` (with `cls`), so it starts and joins like any thread. Attributes live in the
object's own dict (`attrs`); nothing of a host object is ever looked up by a program's name.

Sharing (docs/semantics.md): an attribute that some code outside `__init__` assigns is shared
state, like a global: reading or writing it on an object is a step, once the object is built
(`building`: its `__init__` is running, so only its creating thread holds it). Attributes
only `__init__` sets (`self.lock`, `self.name`) never change once other threads can see them:
reading them is local, as reading a constant global is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, cast

from .values import (
    ExceptionClass,
    Function,
    SimException,
    ThreadHandle,
    fail,
    is_subclass,
)


class _Missing:
    """The type of MISSING, which snapshots write as a reference: it stays the one object."""

    __slots__ = ()

    def __reduce__(self) -> str:
        return "MISSING"

    def __repr__(self) -> str:
        return "MISSING"


#: What a lookup returns when the name is not found (None is a value a class may hold), and
#: a dataclass field's default when it has none.
MISSING: Any = _Missing()

#: Special methods the program's classes may define that built-ins and operators call.
SPECIAL = frozenset({"__str__", "__repr__", "__eq__", "__ne__", "__lt__", "__le__", "__gt__",
                     "__ge__", "__hash__", "__len__", "__bool__", "__contains__",
                     "__enter__", "__exit__", "__call__", "__iter__", "__next__", "__getitem__",
                     "__setitem__", "__delitem__", "__format__", "__neg__", "__pos__",
                     "__invert__", "__abs__", "__int__", "__float__", "__getattr__",
                     *(f"__{prefix}{op}__" for prefix in ("", "r", "i") for op in (
                         "add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "lshift",
                         "rshift", "and", "or", "xor", "matmul"))})


@dataclass(eq=False, slots=True)
class UserClass:
    """A class of the program's. `mro` starts with the class itself; its last entry may be
    the built-in it derives from (an ExceptionClass, or `threading.Thread`'s Builtin)."""

    name: str
    qualname: str
    bases: tuple[Any, ...]
    attrs: dict[str, Any]
    mro: tuple[Any, ...] = ()
    #: Names the class body annotates, in order (what `@dataclass` makes fields of).
    annotations: tuple[str, ...] = ()
    #: `@dataclass`: its fields (records.DataField), bases' first; None for a class that
    #: is not a dataclass.
    fields: tuple[Any, ...] | None = None
    #: What @dataclass wrote of `eq`, `order`, `repr`, `hash` (`unsafe_hash` or eq+frozen),
    #: "enum", "total__lt__" (@total_ordering's root). Sorted tuples here, not sets: a
    #: snapshot then writes the same bytes for the same class whatever the hash seed.
    options: tuple[str, ...] = ()
    #: `@dataclass(frozen=True)`: assigning any attribute of its objects fails.
    frozen: bool = False
    #: `__slots__` in it and every class it derives from: the only attributes its objects
    #: may have (None: they have a `__dict__`).
    slots: tuple[str, ...] | None = None
    #: Whether assigning an attribute of its objects is checked (frozen, slots, or its own
    #: `__setattr__`).
    guarded: bool = False
    #: For a class deriving from `abc.ABC`: its methods still abstract (it cannot be
    #: instantiated while there are any); None for any other class.
    abstract: tuple[str, ...] | None = None
    #: Names of properties it or a base defines: they, not the object's dict, answer.
    properties: frozenset[str] = frozenset()

    def __getstate__(self) -> tuple[Any, ...]:
        """What a snapshot writes of it besides its names: its sets of names in sorted
        order, so that the same class writes the same bytes in every machine (a set of
        strings iterates in an order its history decides)."""
        return tuple(Names(sorted(value)) if isinstance(value, frozenset) else value
                     for value in map(self.__getattribute__, STATE_FIELDS))

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        """Snapshots fill the class in after making it (its namespace refers back to it)."""
        for name, value in zip(STATE_FIELDS, state, strict=True):
            setattr(self, name, frozenset(value) if isinstance(value, Names) else value)

    def __bool__(self) -> bool:
        """A class is true (stdlib/enum.py gives an enumeration a length)."""
        return True

    def lookup(self, name: str) -> Any:
        """The attribute `name` of the class or a base it derives from, or MISSING."""
        for cls in self.mro:
            if isinstance(cls, UserClass) and name in cls.attrs:
                return cls.attrs[name]
        return MISSING

    @property
    def native(self) -> Any:
        """The built-in class this class derives from (ExceptionClass, the Thread Builtin),
        or None for one that derives from `object` only. Not always last in the MRO: a
        mixin listed after it comes later (`class Worker(Thread, LoggingMixin)`)."""
        return next((c for c in self.mro if not isinstance(c, UserClass)), None)


#: What a snapshot writes of a class besides its names, in this order.
class Names(tuple[Any, ...]):
    """A class's set of names (its properties, options, slots) as a snapshot writes it."""

    __slots__ = ()


STATE_FIELDS = ("bases", "attrs", "mro", "annotations", "fields", "options", "frozen",
                "slots", "guarded", "abstract", "properties")


class Instance:
    """An object of a program's class. Python's operators on it (==, <, hash) reach the
    class's special methods through `special.py`, which runs them in the calling thread."""

    __slots__ = ("cls", "attrs", "label", "serial", "building")

    def __init__(self, cls: UserClass, serial: int) -> None:
        self.cls = cls
        self.attrs: dict[str, Any] = {}
        #: How the trace names it: the variable that holds it, else `Account#3`.
        self.label = f"{cls.name}#{serial}"
        self.serial = serial
        self.building = True

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        """Snapshots make the object first and fill it in after (its attributes may refer
        back to it); it stays an Instance, which the hot paths test with `type(x) is`."""
        self.cls, self.attrs, self.label, self.building = state


@dataclass(eq=False, slots=True)
class Method:
    """A function bound to an object (`acct.deposit`, `super().__init__`): calling it
    passes `obj` first. `fn` is a program's Function or a built-in taking the object."""

    fn: Any
    obj: Any


@dataclass(frozen=True, slots=True)
class Super:
    """`super()` in a method of `owner`, called on `obj`: lookups start after `owner`."""

    owner: UserClass
    obj: Any


@dataclass(eq=False, slots=True)
class StaticMethod:
    fn: Any


@dataclass(eq=False, slots=True)
class ClassMethod:
    fn: Any


@dataclass(eq=False, slots=True)
class Abstract:
    """What `@abstractmethod` makes of a function, until its class is made (make_class
    keeps the function and notes its name)."""

    fn: Any


@dataclass(eq=False, slots=True)
class Property:
    """`@property`: a getter, and the setter `@name.setter` and deleter `@name.deleter`
    add."""

    fget: Any
    fset: Any = None
    fdel: Any = None


@dataclass(eq=False, slots=True)
class CachedProperty:
    """`@functools.cached_property`: the first read of it on an object runs the getter and
    stores the value in the object's dict, which answers every later read (CPython's
    descriptor is a non-data one: the object's dict wins)."""

    fn: Any

    def __repr__(self) -> str:
        return "<functools.cached_property object>"


@dataclass(eq=False, slots=True)
class Field:
    """`dataclasses.field(...)`: a field's default or factory, and whether repr shows it,
    `==` compares it and `__init__` takes it."""

    default: Any = MISSING
    factory: Any = None
    repr: bool = True
    init: bool = True
    compare: bool = True
    extra: dict[str, Any] = field(default_factory=dict)


def class_of(obj: Any) -> UserClass | None:
    """The program's class `obj` is an object of, if any."""
    if isinstance(obj, Instance):
        return obj.cls
    if isinstance(obj, ThreadHandle | SimException):
        return cast("UserClass | None", obj.cls)
    return None


def own_attrs(obj: Any) -> dict[str, Any] | None:
    """The object's own attributes, for objects that have a `__dict__` in the model."""
    if isinstance(obj, Instance | ThreadHandle | SimException | Function):
        return obj.attrs
    return None


def label_of(obj: Any) -> str:
    """How a step names the object whose attribute it reads or writes."""
    if isinstance(obj, Instance):
        return obj.label
    if isinstance(obj, ThreadHandle):
        return obj.name
    if isinstance(obj, UserClass):
        return obj.name
    if isinstance(obj, SimException):
        return obj.type
    if isinstance(obj, Function):
        return obj.name
    return "?"


def is_building(obj: Any) -> bool:
    return isinstance(obj, Instance | ThreadHandle) and obj.building


def shared_object(obj: Any) -> bool:
    """Whether `obj`'s attributes are state other threads may see: a class, or an object
    of a program's class (or any thread object) once its `__init__` has returned."""
    if type(obj) is Instance:
        return not obj.building
    return isinstance(obj, UserClass | Function) or (
        isinstance(obj, ThreadHandle) and not obj.building) or (
        isinstance(obj, SimException) and obj.cls is not None)


def holds_data(obj: Any, name: str) -> bool:
    """Whether `obj.name` is a value held by the object (or by a class, as a class
    attribute): what a step reads. A method, a property or a missing name is not."""
    attrs = own_attrs(obj)
    if attrs is not None:
        return name in attrs and not is_building(obj)
    if isinstance(obj, UserClass):
        value = obj.lookup(name)
        return value is not MISSING and not isinstance(
            value, Function | StaticMethod | ClassMethod | Property | CachedProperty | UserClass)
    return False


# -- making a class ----------------------------------------------------------------------------


def _mro_of(base: Any) -> tuple[Any, ...]:
    return base.mro if isinstance(base, UserClass) else (base,)


def linearize(cls: UserClass) -> tuple[Any, ...]:
    """C3, as CPython orders a class's bases for lookups."""
    seqs = [list(_mro_of(b)) for b in cls.bases] + [list(cls.bases)]
    result: list[Any] = [cls]
    while True:
        seqs = [s for s in seqs if s]
        if not seqs:
            return tuple(result)
        for seq in seqs:
            head = seq[0]
            if not any(head in other[1:] for other in seqs):
                break
        else:
            names = ", ".join(_base_name(b) for b in cls.bases)
            raise fail("TypeError", f"Cannot create a consistent method resolution order "
                                    f"(MRO) for bases {names}")
        result.append(head)
        for seq in seqs:
            if seq[0] is head or seq[0] == head:
                del seq[0]


def _base_name(base: Any) -> str:
    return getattr(base, "name", "?")


def is_thread_class(value: Any) -> bool:
    """Whether `value` is `threading.Thread` (a built-in of the threading module)."""
    return getattr(value, "key", None) == "threading.Thread"


def make_class(name: str, qualname: str, bases: tuple[Any, ...], namespace: dict[str, Any],
               annotations: tuple[str, ...]) -> UserClass:
    """The class a `class` statement makes, once its body has run into `namespace`."""
    natives = set()
    abc = any(getattr(b, "key", None) in _ABC for b in bases) or any(
        isinstance(b, UserClass) and b.abstract is not None for b in bases)
    generic = any(getattr(b, "key", None) in _MARKERS[1:] or (
        isinstance(b, UserClass) and "generic" in b.options) for b in bases)
    protocol = any(getattr(b, "key", None) == "typing.Protocol" for b in bases)
    for base in bases:
        if isinstance(base, UserClass):
            if base.native is not None:
                natives.add(base.native)
        elif isinstance(base, ExceptionClass) or is_thread_class(base) or (
                getattr(base, "key", None) in ("threading.Timer", "threading.local")):
            natives.add(base)
        elif getattr(base, "key", None) in (*_MARKERS, *_ENUMS, *_ABC):
            continue
        else:
            raise fail("TypeError", f"a class can derive from the program's classes, an "
                                    f"exception class, threading.Thread, Timer, local, Event "
                                    f"or a Semaphore, a queue or a ThreadPoolExecutor here, "
                                    f"not {_base_name(base)}")
    if len(natives) > 1:
        raise fail("TypeError", "multiple bases have instance lay-out conflict")
    enum = tuple(sorted({option for b in bases for option in (
        _ENUMS.get(getattr(b, "key", ""), ()) if not isinstance(b, UserClass) else
        tuple(o for o in b.options if o in ("enum", "intenum", "strenum", "flag")))}))
    bases = tuple(b for b in bases if getattr(b, "key", None) not in (
        *_MARKERS, *_ENUMS, *_ABC))
    namespace = dict(namespace)
    declared = _unwrap_abstract(namespace)
    if isinstance(namespace.get("__new__"), Function):  # a static method without saying so
        namespace["__new__"] = StaticMethod(namespace["__new__"])
    cls = UserClass(name, qualname, bases, namespace, annotations=annotations)
    cls.mro = linearize(cls)
    record = next((b for b in cls.mro[1:] if isinstance(b, UserClass) and b.fields is not None),
                  None)
    if record is not None:  # a dataclass's plain subclass inherits what @dataclass wrote
        cls.fields, cls.frozen = record.fields, record.frozen
        cls.options = tuple(o for o in record.options if o in ("eq", "hash", "order", "repr"))
    if abc:
        cls.abstract = tuple(sorted(declared | {
            name for base in bases if isinstance(base, UserClass) and base.abstract
            for name in base.abstract if cls.lookup(name) is base.lookup(name)}))
    if enum:
        cls.options = enum
    if generic:
        cls.options = (*cls.options, "generic")  # `Stack[int]` is the class (enum.py)
    if protocol:  # (`typing.runtime_checkable` adds "checkable")
        cls.options = (*cls.options, "protocol")
    cls.slots = _slots(cls)
    cls.guarded = cls.frozen or cls.slots is not None or getattr(cls.native, "key", None) == (
        "threading.local") or setattr_hook(cls) is not None
    cls.properties = frozenset(name for c in cls.mro if isinstance(c, UserClass)
                               for name, value in c.attrs.items()
                               if isinstance(value, Property) or data_descriptor(value))
    for value in cls.attrs.values():
        inner = value.fn if isinstance(value, StaticMethod | ClassMethod) else value
        if isinstance(value, Property):
            inner = value.fget
        elif isinstance(value, CachedProperty):
            inner = value.fn
        if isinstance(inner, Function) and inner.owner is None:
            inner.owner = cls  # what `super()` inside it starts after
    return cls


def descriptor_method(value: Any, name: str) -> Function | None:
    """A descriptor's own `__get__`, `__set__` or `__set_name__`: an object in a class's
    namespace whose class defines it."""
    if type(value) is not Instance:
        return None
    method = value.cls.lookup(name)
    return method if isinstance(method, Function) else None


def data_descriptor(value: Any) -> bool:
    """Whether `value` is a data descriptor (its class defines `__set__` or `__delete__`):
    it then answers for the attribute before the object's own dict does."""
    return type(value) is Instance and (value.cls.lookup("__set__") is not MISSING
                                        or value.cls.lookup("__delete__") is not MISSING)


def setattr_hook(cls: UserClass) -> Function | None:
    """The class's own `__setattr__`, which every `obj.name = value` then calls."""
    hook = cls.lookup("__setattr__")
    return hook if isinstance(hook, Function) else None


#: Bases that add nothing to a class here, as `object` adds nothing of its own.
_MARKERS = ("object", "typing.Generic", "typing.Protocol")
#: The enumerations' bases (stdlib/enum.py), and what each makes a class: an IntEnum's
#: members also act as their int values.
_ENUMS = {"enum.Enum": ("enum",), "enum.IntEnum": ("enum", "intenum"),
          "enum.StrEnum": ("enum", "strenum"), "enum.Flag": ("enum", "flag"),
          "enum.IntFlag": ("enum", "flag", "intenum")}
#: The keys of `abc.ABC` and `abc.ABCMeta`, which mark a class abstract-capable.
_ABC = ("abc.ABC", "abc.ABCMeta")


def _unwrap_abstract(namespace: dict[str, Any]) -> set[str]:
    """The names `@abstractmethod` marked (also under a property or static method); the
    functions themselves stay in the namespace."""
    names = set()
    for name, value in namespace.items():
        if isinstance(value, Abstract):
            namespace[name] = value.fn
            names.add(name)
        elif isinstance(value, StaticMethod | ClassMethod) and isinstance(value.fn, Abstract):
            value.fn = value.fn.fn
            names.add(name)
        elif isinstance(value, Property) and isinstance(value.fget, Abstract):
            value.fget = value.fget.fn
            names.add(name)
    return names


def abstract_error(cls: UserClass) -> Exception:
    """CPython's TypeError for instantiating a class with abstract methods left."""
    names = sorted(cls.abstract or ())
    listed = ", ".join(f"'{n}'" for n in names)
    return fail("TypeError", f"Can't instantiate abstract class {cls.name} without an "
                             f"implementation for abstract method{'s' if len(names) > 1 else ''}"
                             f" {listed}")


def _slots(cls: UserClass) -> tuple[str, ...] | None:
    """The attribute names `__slots__` allows, when it and all its bases declare them."""
    names: set[str] = set()
    for c in cls.mro:
        if not isinstance(c, UserClass):
            return None
        declared = c.attrs.get("__slots__", MISSING)
        if declared is MISSING:
            return None
        declared = (declared,) if isinstance(declared, str) else declared
        if not isinstance(declared, tuple | list) or not all(
                isinstance(n, str) for n in declared):
            raise fail("TypeError", "__slots__ items must be strings")
        if c is cls:
            for name in declared:
                if name in c.attrs:
                    raise fail("ValueError", f"'{name}' in __slots__ conflicts with class "
                                             f"variable")
        names.update(declared)
    return tuple(sorted(names))


def is_instance(obj: Any, cls: Any) -> bool:
    """`isinstance(obj, cls)` for a program's class, an exception class or Thread; for a
    `@runtime_checkable` protocol, whether `obj` has every member it names."""
    own = class_of(obj)
    if own is not None and (cls in own.mro):
        return True
    if isinstance(cls, UserClass) and "protocol" in cls.options:
        if "checkable" not in cls.options:
            raise fail("TypeError", "Instance and class checks can only be used with "
                                    "@runtime_checkable protocols")
        attrs = getattr(obj, "attrs", None)
        return all((own is not None and own.lookup(name) is not MISSING)
                   or (isinstance(attrs, dict) and name in attrs)
                   for name in _protocol_members(cls))
    if isinstance(cls, ExceptionClass) and isinstance(obj, SimException):
        return is_subclass(_exception_base(obj), cls.name)
    return False


#: What a protocol's body holds that is no member an object must have (CPython's
#: `typing._SPECIAL_NAMES` and the like).
_NOT_MEMBERS = frozenset({"__doc__", "__module__", "__qualname__", "__init__", "__new__",
                          "__slots__", "__annotations__", "__dict__", "__weakref__",
                          "__init_subclass__", "__class_getitem__", "__match_args__"})


def _protocol_members(cls: UserClass) -> set[str]:
    """The names a protocol and the protocols it derives from define or annotate."""
    return {name for c in cls.mro if isinstance(c, UserClass) and "protocol" in c.options
            for name in (*c.attrs, *c.annotations) if name not in _NOT_MEMBERS}


def _exception_base(exc: SimException) -> str:
    """The built-in exception class `exc` is an object of (through its class's bases)."""
    if exc.cls is None:
        return exc.type
    native = exc.cls.native
    return native.name if isinstance(native, ExceptionClass) else "Exception"


def matches(exc: SimException, handler: Any) -> bool:
    """Whether `except handler:` catches `exc`."""
    if isinstance(handler, UserClass):
        return exc.cls is not None and handler in exc.cls.mro
    return is_subclass(_exception_base(exc), handler.name)


def raising(cls: UserClass) -> SimException:
    """`raise MyError` (the class, not an object): an object made with no arguments."""
    if not isinstance(cls.native, ExceptionClass):
        raise fail("TypeError", "exceptions must derive from BaseException")
    return SimException(cls.name, (), cls, {})


def as_exception(value: Any) -> SimException:
    """What `raise value` (or `gen.throw(value)`) raises: an exception, or one made of a
    class."""
    if isinstance(value, ExceptionClass):
        return SimException(value.name)
    if isinstance(value, UserClass):
        return raising(value)
    if isinstance(value, SimException):
        return value
    raise fail("TypeError", "exceptions must derive from BaseException")
