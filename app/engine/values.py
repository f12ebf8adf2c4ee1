"""Runtime values that are not builtin Python data: exceptions, functions, thread handles.

Builtin data (int, bool, str, None, float, list, dict, tuple) is represented by the real Python
objects, so arithmetic and error messages are CPython's own.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, cast

from .errors import BudgetError

if TYPE_CHECKING:
    from .code import Code
    from .machine import Machine, Thread

#: Built-in exception classes a program may name, with their base class (CPython's hierarchy).
EXCEPTION_BASES: dict[str, str | None] = {
    "BaseException": None,
    "Exception": "BaseException",
    "ArithmeticError": "Exception",
    "ZeroDivisionError": "ArithmeticError",
    "OverflowError": "ArithmeticError",
    "LookupError": "Exception",
    "IndexError": "LookupError",
    "KeyError": "LookupError",
    "RuntimeError": "Exception",
    "RecursionError": "RuntimeError",
    "NotImplementedError": "RuntimeError",
    "BrokenBarrierError": "RuntimeError",
    "ValueError": "Exception",
    "TypeError": "Exception",
    "AssertionError": "Exception",
    "NameError": "Exception",
    "UnboundLocalError": "NameError",
    "AttributeError": "Exception",
    "StopIteration": "Exception",
    "SystemExit": "BaseException",
    "KeyboardInterrupt": "BaseException",
    "GeneratorExit": "BaseException",
    "OSError": "Exception",
    "TimeoutError": "OSError",
    "ConnectionError": "OSError",
    "BrokenPipeError": "ConnectionError",
    "ConnectionAbortedError": "ConnectionError",
    "ConnectionRefusedError": "ConnectionError",
    "ConnectionResetError": "ConnectionError",
    "FileNotFoundError": "OSError",
    "FileExistsError": "OSError",
    "PermissionError": "OSError",
    "InterruptedError": "OSError",
    "IsADirectoryError": "OSError",
    "NotADirectoryError": "OSError",
    # io's (also a ValueError in CPython: one base is kept here)
    "io.UnsupportedOperation": "OSError",
    "_csv.Error": "Exception",
    "EOFError": "Exception",
    "ImportError": "Exception",
    "ModuleNotFoundError": "ImportError",
    "MemoryError": "Exception",
    "BufferError": "Exception",  # `b += b` of a bytearray
    "UnicodeError": "ValueError",
    "UnicodeEncodeError": "UnicodeError",
    "UnicodeDecodeError": "UnicodeError",
    "FloatingPointError": "ArithmeticError",
    "Warning": "Exception",
    "UserWarning": "Warning",
    "DeprecationWarning": "Warning",
    "RuntimeWarning": "Warning",
    "FutureWarning": "Warning",
    "PendingDeprecationWarning": "Warning",
    "ResourceWarning": "Warning",
    "SyntaxWarning": "Warning",
    # concurrent.futures (its `_base.Error` is named so that no program's class meets it)
    "concurrent.futures.Error": "Exception",
    "CancelledError": "concurrent.futures.Error",
    "InvalidStateError": "concurrent.futures.Error",
    "BrokenExecutor": "RuntimeError",
    "BrokenThreadPool": "BrokenExecutor",
}

def is_subclass(name: str, base: str) -> bool:
    """`issubclass` over EXCEPTION_BASES."""
    current: str | None = name
    while current is not None:
        if current == base:
            return True
        current = EXCEPTION_BASES.get(current)
    return False


@dataclass(frozen=True, slots=True)
class ExceptionClass:
    """A built-in exception class used as a value (`except ValueError`, `raise ValueError`)."""

    name: str


@dataclass(frozen=True, slots=True)
class TypeValue:
    """The type of a value that has no constructor the program may call: `type(None)`,
    `type(f)` (app/engine/introspection.py). Equal types are equal (`type(a) == type(b)`)."""

    name: str
    type_name: ClassVar[str] = "type"

    def __repr__(self) -> str:
        return f"<class '{self.name}'>"

    @property
    def short(self) -> str:
        """`__name__`: `_thread.lock` is `lock`."""
        return self.name.rpartition(".")[2]


@dataclass(frozen=True, slots=True)
class SimException:
    """An exception raised inside the simulated program. One of a class the program defines
    (`class InsufficientFunds(Exception)`) has that class as `cls` (its `type` is the class's
    name) and the attributes its `__init__` set in `attrs`."""

    type: str
    args: tuple[Any, ...] = ()
    cls: Any = field(default=None, compare=False)
    attrs: dict[str, Any] | None = field(default=None, compare=False, hash=False)
    #: `str(exc)` by its class's own `__str__`, run when it ended a thread (the report
    #: shows it then, as CPython's does); None for any other exception.
    shown: str | None = field(default=None, compare=False)
    #: The frames it has left or landed in, outermost first (tracebacks.py).
    tb: tuple[Any, ...] = field(default=(), compare=False)

    def __setstate__(self, state: tuple[dict[str, Any] | None, tuple[Any, ...]]) -> None:
        """Snapshots fill the attributes and the traceback in after making the object."""
        object.__setattr__(self, "attrs", state[0])
        object.__setattr__(self, "tb", state[1])

    @property
    def message(self) -> str:
        """`str(exc)` as the server shows it: it never raises, and an argument other than a
        string is cut after about MESSAGE_CHARS characters."""
        if self.shown is not None:
            return self.shown[:MESSAGE_CHARS]
        return self.text(lambda arg, quoted: arg if isinstance(arg, str) and not quoted
                         else represent(arg, MESSAGE_CHARS))

    def text(self, show: Callable[[Any, bool], str]) -> str:
        """`str(exc)` as CPython words it, each argument made text by `show(arg, quoted)`:
        quoted for a KeyError's key, which shows as its repr."""
        if not self.args:
            return ""
        if len(self.args) == 2 and isinstance(self.args[0], int) and is_subclass(
                self.type, "OSError"):  # `OSError(errno, strerror)`, with its file if any
            filename = (self.attrs or {}).get("filename")
            where = "" if filename is None else f": {show(filename, True)}"
            return f"[Errno {self.args[0]}] {show(self.args[1], False)}{where}"
        if len(self.args) == 1:
            return show(self.args[0], self.type == "KeyError")
        return show(self.args, False)

    def __str__(self) -> str:
        return f"{self.type}: {self.message}" if self.message else self.type


@dataclass(eq=False, slots=True)
class ThreadHandle:
    """The value of a `threading.Thread` object: an index into the machine's thread table,
    and the thread's name (which `t.name = ...` changes here and in the table). An object of
    a `Thread` subclass the program defines has that class as `cls`; any thread object keeps
    the attributes a program gives it (`t.result = …`) in `attrs`. `building`: its
    `__init__` is running, so no other thread can reach it yet (see classes.py)."""

    tid: int
    name: str
    cls: Any = None
    attrs: dict[str, Any] = field(default_factory=dict)
    building: bool = False

    def __hash__(self) -> int:
        """A set of threads iterates in the order of their hashes: their numbers, not their
        addresses."""
        return hash(self.tid)

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        """Snapshots fill these in after making the object (they may refer back to it)."""
        self.cls, self.attrs, self.building = state


@dataclass(eq=False, slots=True)
class Function:
    """A user-defined function or lambda. `closure` is the defining frame's locals, if any."""

    code: Code
    defaults: tuple[Any, ...] = ()
    closure: dict[str, Any] | None = None
    #: The name `functools.wraps` gave it (the wrapped function's), if any.
    label: str | None = None
    #: The class whose body defined it, set when the class is made: where `super()` in it
    #: starts looking (CPython's `__class__` cell).
    owner: Any = None
    #: Its `__dict__`: what the program sets on it (`wrapper.calls = 0`, `__wrapped__`).
    attrs: dict[str, Any] = field(default_factory=dict)

    @property
    def name(self) -> str:
        """`__name__`."""
        return self.label or self.code.name


@dataclass(frozen=True, slots=True)
class Partial:
    """`functools.partial(func, *args, **kwargs)` (app/engine/stdlib/functools.py): calling
    it calls `func` with these arguments first."""

    func: Any
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    type_name: ClassVar[str] = "functools.partial"

    def __repr__(self) -> str:
        inside = [represent(self.func), *map(represent, self.args),
                  *(f"{k}={represent(v)}" for k, v in self.kwargs.items())]
        return f"functools.partial({', '.join(inside)})"


@dataclass(frozen=True, slots=True)
class MethodDescriptor:
    """A built-in type's method taken from the type (`str.lower`, `key=str.lower`): calling
    it calls the method on its first argument, which must be of that type."""

    owner: str
    name: str
    type_name: ClassVar[str] = "method_descriptor"

    def __repr__(self) -> str:
        return f"<method '{self.name}' of '{self.owner}' objects>"


@dataclass(frozen=True, slots=True)
class BoundMethod:
    """`obj.method` taken as a value without calling it (e.g. `target=lock.release`)."""

    obj: Any
    name: str


@dataclass(eq=False, slots=True)
class ThreadLocal:
    """`threading.local()`: one attribute namespace per thread."""

    data: dict[int, dict[str, Any]] = field(default_factory=dict)


class LibraryObject:
    """An object a simulated library module makes (`random.Random(5)`). A program reaches only
    the methods named in METHODS, through `call` (see `calls.call_method`), never an attribute
    of the object itself; a call on one is a step, as on a list: other threads may hold it."""

    __slots__ = ()
    METHODS: frozenset[str] = frozenset()
    #: Data attributes a program may read (`logger.name`), each given by `attribute`.
    ATTRIBUTES: frozenset[str] = frozenset()
    #: Data attributes a program may set (`logger.propagate = False`), by `set_attribute`.
    SETTABLE: frozenset[str] = frozenset()
    #: Whether calling the object itself (`f(x)` on an `@lru_cache` function) is a step: it
    #: reads or changes state other threads share.
    CALL_IS_STEP = False
    #: Whether its `__exit__` takes the exception that ends a `with` block (type, value,
    #: traceback) and may swallow it (contextlib's managers); built-ins' take nothing.
    EXIT_SEES_EXCEPTION = False
    #: Whether, found in a program's class, it binds to the object as a function does: the
    #: wrappers `@contextmanager` and `@lru_cache` make are descriptors in CPython.
    BINDS = False

    def call(self, m: Machine, name: str, args: list[Any], kwargs: dict[str, Any]) -> Any:
        """`self.name(*args, **kwargs)` for a `name` in METHODS."""
        raise NotImplementedError

    def attribute(self, name: str) -> Any:
        """The value of `self.name` for a `name` in ATTRIBUTES."""
        raise NotImplementedError

    def set_attribute(self, name: str, value: Any) -> None:
        """`self.name = value` for a `name` in SETTABLE."""
        raise NotImplementedError

    def call_in(self, m: Machine, th: Thread, name: str, args: list[Any],
                kwargs: dict[str, Any]) -> Any:
        """`call`, for an object whose methods need the calling thread (a logger's record
        names it)."""
        return self.call(m, name, args, kwargs)


#: Nesting a repr follows before it stops: CPython's own limit is its recursion limit (about
#: 1,000); printing a deeper value raises RecursionError here a little earlier.
MAX_REPR_DEPTH = 300
_OPEN: dict[type, str] = {list: "[", tuple: "(", dict: "{", set: "{", frozenset: "frozenset({"}
_CLOSE: dict[type, str] = {list: "]", tuple: ")", dict: "}", set: "}", frozenset: "})"}
#: An empty set has no display of its own.
_EMPTY: dict[type, str] = {set: "set()", frozenset: "frozenset()"}


#: `str()` of a library module's host values whose text is not their repr (a datetime's).
TEXTS: dict[type, Callable[[Any], str]] = {}

# The runtime's modules (special, objects, primitives) import this one, so it cannot import
# them (tests/test_layers.py): each adds below, when it is imported, how its own values read.
# `app.engine` imports them all before any program runs.

#: `str()` of an object of a program's class by its class's own `__str__` (special.py), or
#: None when its class has none.
OWN_TEXTS: list[Callable[[Any], str | None]] = []
#: `repr()` of the runtime's own values (objects.py, primitives.py), None for other values;
#: the flag is `strict` (the program's own repr, which may run a class's `__repr__`).
OWN_REPRS: list[Callable[[Any, bool], str | None]] = []
#: The simulated type's name of the runtime's own values (primitives.py), None for others.
OWN_TYPE_NAMES: list[Callable[[Any], str | None]] = []


def display(value: Any, budget: int | None = None) -> str:
    """`str(value)` as the simulated program would print it: RecursionError, as in CPython, for
    a value nested too deeply to show, CPython's ValueError for an int past INT_DIGITS, and
    with `budget`, a BudgetError before the text grows past that many characters (a list that
    holds one big list 30,000 times is small, its text is not)."""
    if isinstance(value, str):
        return value
    if getattr(value, "cls", None) is not None:  # an object of a program's class
        for own_text in OWN_TEXTS:
            text = own_text(value)
            if text is not None:
                return text
    if isinstance(value, SimException):
        return value.text(lambda arg, key: quoted(arg, budget) if key
                          else display(arg, budget))
    text_of_host = TEXTS.get(type(value))
    if text_of_host is not None:
        return text_of_host(value)
    return _Repr(strict=True, limit=None, budget=budget).of(value, 0)


def quoted(value: Any, budget: int | None = None) -> str:
    """`repr(value)` as the simulated program computes it: it raises as `display` does."""
    return _Repr(strict=True, limit=None, budget=budget).of(value, 0)


def represent(value: Any, limit: int | None = None) -> str:
    """`repr(value)`, with our own objects shown the way CPython shows theirs. Never raises:
    a value that contains itself shows `[...]` as in CPython, one nested too deeply `…`, an
    int too long to convert `<int of 5,001 digits>`, and with `limit`, the text stops with `…`
    after about that many characters."""
    return _Repr(strict=False, limit=limit).of(value, 0)


#: Characters of a value an event's description shows (a step on a million-item list must not
#: spend a second describing it).
SHOWN = 200
#: Characters of an exception's argument its message shows on the server.
MESSAGE_CHARS = 10_000


def shown(value: Any) -> str:
    """A value as a step's description shows it: its repr, cut after about SHOWN characters."""
    return represent(value, SHOWN)


#: CPython's limit on the digits of an int converted to text (`sys.int_info`'s default since
#: 3.11): the program's str() past it raises, and the server shows a summary instead.
INT_DIGITS = 4300
INT_DIGITS_MESSAGE = (f"Exceeds the limit ({INT_DIGITS} digits) for integer string conversion; "
                      f"use sys.set_int_max_str_digits() to increase the limit")
#: Ints of fewer bits than this have at most INT_DIGITS digits: no need to count them.
_SAFE_INT_BITS = 14_000
_LOG10_2 = 0.30102999566398120


def digits(n: int) -> int:
    """Decimal digits of `n`, counted without converting it (which CPython refuses past
    INT_DIGITS, and which takes quadratic time)."""
    n = abs(n)
    count = max(1, int(n.bit_length() * _LOG10_2))  # the count, or one less
    return count + 1 if n >= 10 ** count else count


def too_long(n: Any) -> bool:
    """Whether `n` is an int whose text CPython refuses to make."""
    return type(n) is int and n.bit_length() > _SAFE_INT_BITS and digits(n) > INT_DIGITS


class _Repr:
    def __init__(self, strict: bool, limit: int | None, budget: int | None = None) -> None:
        self.strict = strict
        self.left = limit if limit is not None else -1
        self.budget = budget
        self.size = 0  # characters made so far, against `budget`
        self.active: set[int] = set()  # containers being shown: a cycle shows `[...]`

    def of(self, value: Any, depth: int) -> str:
        if self.left == 0:
            return "…"
        kind = type(value)
        if kind in _OPEN:
            text = self._container(value, kind, depth)
        elif kind in LAYOUTS:
            text = self._laid_out(value, depth, *LAYOUTS[kind](value))
        else:
            text = self._scalar(value, kind)
            self._spend(len(text))
        if self.left > 0:
            self.left = max(0, self.left - len(text))
        return text

    def _spend(self, n: int) -> None:
        if self.budget is not None:
            self.size += n
            if self.size > self.budget:
                raise BudgetError(f"the text of a value is over the limit of {self.budget:,} "
                                  f"characters")

    def _scalar(self, value: Any, kind: type) -> str:
        if kind is str and 0 < self.left < len(value):  # cut before quoting a long string
            return repr(value[:self.left]) + "…"
        if kind is int and too_long(value):
            if self.strict:
                raise ValueError(INT_DIGITS_MESSAGE)
            return f"<int of {digits(value):,} digits>"
        text = repr(value) if kind in _BUILT_IN else _scalar(value, self.strict)
        return text[:self.left] + "…" if 0 < self.left < len(text) else text

    def _container(self, value: Any, kind: type, depth: int) -> str:
        if not value and kind in _EMPTY:
            return _EMPTY[kind]
        return self._laid_out(value, depth, _OPEN[kind], value.items() if kind is dict
                              else value, _CLOSE[kind], ": " if kind is dict else None,
                              kind is tuple and len(value) == 1)

    def _laid_out(self, value: Any, depth: int, opening: str, items: Iterable[Any],
                  closing: str, pair: str | None, comma: bool = False) -> str:
        """`opening`, the items shown one by one, `closing`. With `pair`, each item is a
        (key, value) pair shown joined by it: by repr, or for "=", a namedtuple field's name
        as it is."""
        if id(value) in self.active:  # a cycle: `[...]`, or CPython's reprlib `...`
            return opening[-1] + "..." + closing[0] if opening[-1] in "[({" else "..."
        if depth >= MAX_REPR_DEPTH:
            if self.strict:
                raise RecursionError("maximum recursion depth exceeded while getting the "
                                     "repr of an object")
            return "…"
        self.active.add(id(value))
        self._spend(len(opening) + len(closing))
        parts = []
        try:
            for item in items:
                if self.left == 0:
                    parts.append("…")
                    break
                if pair is None:
                    self._spend(2)
                    parts.append(self.of(item, depth + 1))
                    continue
                self._spend(4)  # ": " and ", "
                k, v = item
                key = k if pair == "=" else self.of(k, depth + 1)
                parts.append(f"{key}{pair}{self.of(v, depth + 1)}")
        finally:
            self.active.discard(id(value))
        return opening + ", ".join(parts) + ("," if comma else "") + closing


class DictView(list[Any]):
    """What `d.keys()`, `d.values()` and `d.items()` give: the items when it was asked for,
    shown and named as CPython's view (`dict_keys(['a'])`). It is a list that does not follow
    later changes of the dict, which a program rarely relies on (docs/semantics.md)."""

    __slots__ = ("type_name",)

    def __init__(self, items: Iterable[Any], type_name: str) -> None:
        super().__init__(items)
        self.type_name = type_name

    def __reduce__(self) -> tuple[Any, ...]:
        return DictView, (list(self), self.type_name)

    # A keys or items view is set-like in CPython: `==` and `<=` compare it as a set, with
    # a set or another such view (never equal to a list), and `&`, `|`, `-`, `^` make sets.
    # A values view stays a list.

    def _set_like(self) -> bool:
        return not self.type_name.endswith("values")

    def _other(self, other: Any) -> Any:
        if isinstance(other, set | frozenset):
            return other
        if isinstance(other, DictView) and other._set_like():
            return set(other)
        return None

    def __eq__(self, other: object) -> bool:
        if not self._set_like():
            return super().__eq__(other)
        theirs = self._other(other)
        return theirs is not None and set(self) == theirs

    def __ne__(self, other: object) -> bool:
        return not self == other

    __hash__ = None

    def _compare(self, other: Any, op: Callable[[Any, Any], bool], name: str) -> Any:
        theirs = self._other(other) if self._set_like() else None
        if theirs is None:
            return getattr(super(), name)(other)
        return op(set(self), theirs)

    def __le__(self, other: Any) -> Any:
        return self._compare(other, operator.le, "__le__")

    def __lt__(self, other: Any) -> Any:
        return self._compare(other, operator.lt, "__lt__")

    def __ge__(self, other: Any) -> Any:
        return self._compare(other, operator.ge, "__ge__")

    def __gt__(self, other: Any) -> Any:
        return self._compare(other, operator.gt, "__gt__")

    def _combine(self, other: Any, op: Callable[[Any, Any], Any]) -> Any:
        if not self._set_like() or not isinstance(other, Iterable) or isinstance(other, str):
            return NotImplemented
        return op(set(self), set(other))

    def __and__(self, other: Any) -> Any:
        return self._combine(other, operator.and_)

    def __or__(self, other: Any) -> Any:
        return self._combine(other, operator.or_)

    def __sub__(self, other: Any) -> Any:
        return self._combine(other, operator.sub)

    def __xor__(self, other: Any) -> Any:
        return self._combine(other, operator.xor)

    def __rand__(self, other: Any) -> Any:
        return self._combine(other, lambda a, b: b & a)

    def __ror__(self, other: Any) -> Any:
        return self._combine(other, lambda a, b: b | a)

    def __rsub__(self, other: Any) -> Any:
        return self._combine(other, lambda a, b: b - a)

    def __rxor__(self, other: Any) -> Any:
        return self._combine(other, lambda a, b: b ^ a)


def not_data(value: Any) -> bool:
    """Whether a dict of ours stands for a mapping CPython's `json` refuses (a ChainMap, a
    mappingproxy: no dict subclasses there), which `json.dumps` and the globals report
    then do not take as data."""
    return getattr(type(value), "NOT_DATA", False) is True


class mappingproxy(dict[Any, Any]):  # noqa: N801 - CPython's name, which messages show
    """A read-only view of a class's names (`Color.__members__`): here a copy made when it
    is asked for, with a dict's reading methods (calls.SAFE_METHODS). `str()` shows it as
    its dict, as CPython's does; `repr()` as `mappingproxy({…})`."""

    NOT_DATA = True

    def __reduce__(self) -> tuple[Any, ...]:
        return mappingproxy, (dict(self),)

    def __setitem__(self, key: Any, value: Any) -> None:
        raise fail("TypeError", "'mappingproxy' object does not support item assignment")

    def __delitem__(self, key: Any) -> None:
        raise fail("TypeError", "'mappingproxy' object does not support item deletion")

    def __ior__(self, other: Any) -> Any:  # type: ignore[misc]
        raise fail("TypeError", "'|=' is not supported by mappingproxy; use '|' instead")


#: Types of library modules shown their own way (`deque([1, 2])`, `Counter({'a': 2})`):
#: type → a function of the value giving the arguments of `_Repr._laid_out` after the depth.
LAYOUTS: dict[type, Callable[[Any], tuple[Any, ...]]] = {}


LAYOUTS[DictView] = lambda v: (f"{v.type_name}([", v, "])", None)
LAYOUTS[mappingproxy] = lambda d: ("mappingproxy({", d.items(), "})", ": ")
TEXTS[mappingproxy] = lambda d: display(dict(d))  # its str is its dict's

#: Scalars shown by their own repr (the rest may be ours).
_BUILT_IN = frozenset({int, float, str, bool, type(None)})


def _scalar(value: Any, strict: bool = False) -> str:
    for own_repr in OWN_REPRS:
        text = own_repr(value, strict)
        if text is not None:
            return text
    if isinstance(value, ThreadHandle):
        return f"<{type_name(value)}({value.name})>"
    if isinstance(value, Function):
        return f"<function {value.name}>"
    if isinstance(value, SimException):
        return f"{value.type}({', '.join(represent(a) for a in value.args)})"
    if isinstance(value, ExceptionClass):
        return f"<class '{value.name}'>"
    if isinstance(value, ThreadLocal):
        return "<_thread._local object>"
    if isinstance(value, BoundMethod):
        return f"<bound method {value.name}>"
    if type(value).__repr__ is cast(Any, object.__repr__):  # never the host's own address
        return f"<{type_name(value)} object>"
    return repr(value)


def type_name(value: Any) -> str:
    """The name of a value's simulated type, as CPython's messages put it (`'_thread.lock'
    object has no attribute 'x'`)."""
    for own_type_name in OWN_TYPE_NAMES:
        name = own_type_name(value)
        if name is not None:
            return name
    if isinstance(value, ThreadHandle):
        if value.cls is not None:
            return cast("str", value.cls.name)
        return "_MainThread" if value.tid == 0 else "Thread"
    if isinstance(value, Function):
        return "function"
    if isinstance(value, SimException):
        return value.type
    if isinstance(value, ThreadLocal):
        return "_thread._local"
    if isinstance(value, BoundMethod):  # `lock.acquire` is a C type's, `event.set` a class's
        c_type = getattr(value.obj, "kind", "") in _C_PRIMITIVES
        return "builtin_function_or_method" if c_type else "method"
    cls = getattr(value, "cls", None)
    if cls is not None:  # an Instance
        return cast("str", cls.name)
    named = TYPE_NAMES.get(type(value))
    if named is not None:  # a namedtuple's object: its class's name
        return named(value)
    return (getattr(value, "type_name", None) or _TYPE_NAMES.get(type(value).__name__)
            or type(value).__name__)


#: The primitives CPython writes in C (their methods are built-in methods), by kind.
_C_PRIMITIVES = frozenset({"Lock", "RLock", "SimpleQueue"})

#: Library modules' types whose objects name their type themselves: type → the name.
TYPE_NAMES: dict[type, Callable[[Any], str]] = {}


#: Our own value types as CPython names the types they model.
_TYPE_NAMES = {"UserClass": "type", "ExceptionClass": "type", "Method": "method", "Super": "super",
               "StaticMethod": "staticmethod", "ClassMethod": "classmethod",
               "Property": "property", "CachedProperty": "cached_property", "Field": "Field"}


# Python formats our objects itself in some of its messages (`[].index(t)`, a KeyError's key):
# there they read as the program sees them, never with a memory address that differs from
# run to run.
for _kind in (ThreadHandle, Function, BoundMethod, ThreadLocal, ExceptionClass):
    _kind.__repr__ = represent  # type: ignore[method-assign]
    _kind.__str__ = display  # type: ignore[method-assign]


#: Immutable builtin scalars: their values are equal, hash and print as in CPython.
SCALAR_TYPES = (int, float, str, bool, type(None))


class _TooBig(Exception):
    """A value holds more items than are left of the walk's limit."""


class _TooDeep(Exception):
    """A value is nested deeper than MAX_REPR_DEPTH."""


class JsonableWalk:
    """Which values are JSON-able data (what `--json`, the explorer and goals report as a
    global's value, `jsonable` writes), under a limit on the items they hold in all, counted
    as JSON writes them: a list holding one big list 30,000 times holds 30,000 times its
    items. Each object is walked once (`known`), so the walk is linear in distinct objects,
    and it stops at the limit.

    A value that contains itself, is nested deeper than MAX_REPR_DEPTH, or holds more items
    than are left, is not JSON-able."""

    def __init__(self, limit: int) -> None:
        self.left = limit
        #: id → (items, height) of a JSON-able container; None for one that is not, is
        #: too big (the limit only goes down), or is being walked (a cycle).
        self.known: dict[int, tuple[int, int] | None] = {}

    def take(self, value: Any) -> bool:
        """Whether `value` is JSON-able and fits what is left; if so its items are spent."""
        try:
            found = self._walk(value, 0)
        except (_TooBig, _TooDeep):
            return False
        if found is None or found[1] > MAX_REPR_DEPTH or found[0] > self.left:
            return False
        self.left -= found[0]
        return True

    def _walk(self, value: Any, depth: int) -> tuple[int, int] | None:
        if isinstance(value, SCALAR_TYPES):
            return 0, 0
        if not isinstance(value, list | tuple | dict | set | frozenset) or not_data(value):
            return None
        key = id(value)
        if key not in self.known:
            if depth >= MAX_REPR_DEPTH:
                raise _TooDeep
            self.known[key] = None
            try:
                self.known[key] = self._items(value, depth)
            except _TooDeep:  # too deep from here: maybe not from another global
                del self.known[key]
                raise
        return self.known[key]

    def _items(self, value: Any, depth: int) -> tuple[int, int] | None:
        items, height = 0, 0
        inside = (x for kv in value.items() for x in kv) if isinstance(value, dict) else value
        for item in inside:
            found = self._walk(item, depth + 1)
            if found is None:
                return None
            items += 1 + found[0]
            if items > self.left:
                raise _TooBig
            height = max(height, found[1])
        return items, height + 1


class Thrown(Exception):
    """Carries a simulated exception out of an instruction to the machine's unwinder."""

    def __init__(self, exc: SimException) -> None:
        super().__init__(exc)
        self.exc = exc


def fail(type_: str, message: str | None = None) -> Thrown:
    """The Thrown to raise for a simulated `type_(message)`."""
    return Thrown(SimException(type_, () if message is None else (message,)))


def jsonable(value: Any) -> Any:
    """`value` as strict JSON data: keys as strings, tuples as lists, inf/nan, ints too long
    for text (CPython refuses to convert them) and other objects as their repr (JSON has no
    tuples, no tuple keys and no Infinity). Values are JSON-able, of bounded size (JsonableWalk)."""
    if isinstance(value, dict):
        return {k if isinstance(k, str) else represent(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value) or too_long(value):
        return represent(value)
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return represent(value)
