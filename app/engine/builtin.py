"""`Builtin`: a built-in function or a library module's function, as a program's value.

Its own module so that every part of the runtime can make one (calls, objects, stdlib)
without importing the machinery that calls them.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from .errors import BudgetError
from .iterators import WaitingIter
from .values import Function, fail, represent, type_name

#: What other threads may change the contents of: a touch of one is a step (a Counter or a
#: defaultdict is a dict; `collections.deque` is the host's own, app/engine/stdlib/collections).
CONTAINERS = (list, dict, set, deque, bytearray)
#: Arguments that make a built-in's call a step: shared containers, and results still to
#: come (`list(executor.map(…))`, which waits for them: see `instructions.functions._call`).
_STEP_ARGS = (*CONTAINERS, WaitingIter)
#: The built-ins that take every item of a generator given to them (by key): its code runs
#: first, as the thread's own (generators.collect), so it does not make their call a step.
COLLECTING = frozenset({"list", "tuple", "set", "frozenset", "dict", "sorted", "sum", "min",
                        "max", "collections.deque", "collections.Counter",
                        "collections.OrderedDict", "collections.defaultdict", "math.prod",
                        "math.fsum"})
#: Built-ins that are classes in CPython (`<class 'int'>`), by key.
CLASSES = frozenset({"int", "float", "complex", "str", "bytes", "bytearray", "bool", "list",
                     "dict", "tuple", "set", "frozenset", "range", "enumerate", "zip", "reversed",
                     "map", "filter",
                     "object", "type", "threading.Thread", "collections.deque",
                     "collections.defaultdict", "collections.Counter", "collections.OrderedDict",
                     "collections.ChainMap",
                     "queue.Queue", "queue.LifoQueue", "queue.PriorityQueue",
                     "queue.SimpleQueue"})


@dataclass(frozen=True, slots=True)
class Builtin:
    """A built-in function or a library module's function (app/engine/stdlib), as a value.

    `shared`: "always" (a step whatever the arguments: print, sleep), "containers" (a step when
    an argument is a list or dict, whose contents other threads may change), "waiting" (a step
    when an argument is results still to come, which it may wait for: `next`) or "never".
    `module`: the library module it belongs to, "" for a built-in.
    """

    name: str
    fn: Callable[..., Any]
    shared: str = "never"
    module: str = ""

    @property
    def type_name(self) -> str:
        return "type" if self.key in CLASSES else "builtin_function_or_method"

    @property
    def key(self) -> str:
        """Its name among every module's functions (`threading.enumerate` is not
        `enumerate`): what snapshots record."""
        return f"{self.module}.{self.name}" if self.module else self.name

    def __repr__(self) -> str:
        """As CPython shows a built-in: never the host function inside, nor its address."""
        if self.key in CLASSES:
            return f"<class '{self.key}'>"
        return f"<built-in function {self.name}>"

    def visible(self, args: list[Any]) -> bool:
        """A generator among the arguments (`runs_code`) of one that may stop early (`any`)
        makes the call a step too: its code runs inside the call, and may read what other
        threads change."""
        if self.shared == "always":
            return True
        if self.shared == "waiting":
            return any(isinstance(a, WaitingIter) for a in args)
        return self.shared == "containers" and any(
            isinstance(a, _STEP_ARGS) or (getattr(a, "runs_code", False)
                                          and self.key not in COLLECTING) for a in args)

    def __getitem__(self, params: Any) -> GenericAlias:
        """`list[int]`, `queue.Queue[str]`: a generic alias, as a type hint evaluated at run
        time is (`results: dict[str, int] = {}` skips it, `Jobs = queue.Queue[int]` does not)."""
        if self.key not in _GENERIC:
            raise fail("TypeError", f"type '{self.name}' is not subscriptable"
                       if self.key in CLASSES else
                       f"'{self.type_name}' object is not subscriptable")
        args = params if type(params) is tuple else (params,)
        return GenericAlias(self, args, f"{_GENERIC[self.key]}[{_hints_text(args, ', ')}]")

    def __or__(self, other: Any) -> Any:
        return union(self, other)

    def __ror__(self, other: Any) -> Any:
        return union(other, self)


#: The classes CPython lets a program subscript, and how their generic aliases name them.
_GENERIC = {**{key: key for key in (
    "list", "dict", "tuple", "set", "frozenset", "type", "enumerate", "collections.deque",
    "collections.defaultdict", "collections.Counter", "collections.OrderedDict",
    "collections.ChainMap", "queue.Queue", "queue.LifoQueue", "queue.PriorityQueue")},
    "queue.SimpleQueue": "_queue.SimpleQueue"}
#: The longest text of a generic alias (CPython's have none; a type hint is short), and the
#: most members of a union.
HINT_CHARS, UNION_MEMBERS = 10_000, 100


@dataclass(frozen=True, slots=True)
class GenericAlias:
    """`list[int]` at run time (`types.GenericAlias`): its class and arguments, and its text,
    made once, from its arguments' texts, so that showing it never walks a deep alias."""

    origin: Builtin
    args: tuple[Any, ...]
    text: str = field(compare=False)
    type_name: ClassVar[str] = "types.GenericAlias"

    def __repr__(self) -> str:
        return self.text

    def __or__(self, other: Any) -> Any:
        return union(self, other)

    def __ror__(self, other: Any) -> Any:
        return union(other, self)


@dataclass(frozen=True, slots=True, eq=False)
class UnionType:
    """`int | None` at run time (`types.UnionType`): its members, each once, and its text.
    Two with the same members are equal in any order, as CPython's are."""

    args: tuple[Any, ...]
    text: str
    type_name: ClassVar[str] = "types.UnionType"

    def __repr__(self) -> str:
        return self.text

    def __eq__(self, other: object) -> bool:
        return isinstance(other, UnionType) and len(self.args) == len(other.args) and all(
            arg in other.args for arg in self.args)

    def __hash__(self) -> int:
        return hash(frozenset(self.args))

    def __or__(self, other: Any) -> Any:
        return union(self, other)

    def __ror__(self, other: Any) -> Any:
        return union(other, self)


#: Operands whose `|` with a type hint is no one's: Python's TypeError, in CPython's words.
_PLAIN_OPERANDS = (Builtin, GenericAlias, UnionType, int, float, str, bytes, type(None))


def _is_hint(value: Any) -> bool:
    return value is None or isinstance(value, GenericAlias | UnionType) or (
        isinstance(value, Builtin) and value.key in CLASSES)


def union(left: Any, right: Any) -> Any:
    """`left | right` of two type hints, or NotImplemented (so Python's TypeError) when one
    is not."""
    if not (_is_hint(left) and _is_hint(right)):
        if not all(isinstance(side, _PLAIN_OPERANDS) for side in (left, right)):
            return NotImplemented  # the other operand's own `__or__` may take it
        raise fail("TypeError", f"unsupported operand type(s) for |: "
                                f"'{type_name(left)}' and '{type_name(right)}'")
    members = [*(left.args if isinstance(left, UnionType) else (left,)),
               *(right.args if isinstance(right, UnionType) else (right,))]
    if len(members) > UNION_MEMBERS:  # each new one is compared with all the others
        raise BudgetError(f"a union of more than {UNION_MEMBERS} types is over the limit")
    args: list[Any] = []
    for arg in members:
        if arg not in args:
            args.append(arg)
    if len(args) == 1:
        return args[0]
    return UnionType(tuple(args), _hints_text(args, " | "))


def _hints_text(args: Sequence[Any], sep: str) -> str:
    """The arguments' texts joined, stopping past HINT_CHARS: `dict[a, a]` of `dict[b, b]`…
    doubles the text each time, and `list[tuple(range(10**6))]` has a million arguments."""
    texts: list[str] = []
    size = 0
    for arg in args:
        texts.append(_hint_text(arg))
        size += len(texts[-1]) + len(sep)
        if size > HINT_CHARS:
            raise BudgetError(f"a type hint over {HINT_CHARS:,} characters long")
    return sep.join(texts) if texts else "()"


def _hint_text(arg: Any) -> str:
    """An argument of a generic alias as CPython's `_Py_typing_type_repr` shows it: a class
    by its qualified name (`int`, `__main__.Job`), `...` as itself, anything else by repr."""
    if arg is Ellipsis:
        return "..."
    if isinstance(arg, GenericAlias):
        return arg.text
    if isinstance(arg, Function):
        return f"__main__.{arg.code.qualname}"
    if isinstance(arg, Builtin) and arg.key not in CLASSES:
        return arg.name
    text = represent(arg, HINT_CHARS)
    return text[len("<class '"):-len("'>")] if text.startswith("<class '") else text


@dataclass(frozen=True, slots=True)
class ModuleVariable:
    """A module's name whose value is the run's own (`sys.argv`, a list a program may
    change): each use calls `getter`, which finds or makes it in the machine's state."""

    getter: Builtin


class SimObject:
    """`object()`: a value with an identity and nothing else (a sentinel)."""

    __slots__ = ()
    type_name = "object"

    def __repr__(self) -> str:
        return "<object object>"


def _object(m: Any, th: Any, *args: Any, **kwargs: Any) -> SimObject:
    if args or kwargs:
        raise fail("TypeError", "object() takes no arguments")
    return SimObject()


#: `object`: a built-in, and the base of every class (`cls.__mro__`, `cls.__bases__`).
OBJECT = Builtin("object", _object)


#: Built-ins CPython declares METH_O: a wrong count is "takes exactly one argument".
_ONE_ARGUMENT = frozenset({"len", "repr", "callable", "hash", "id"})


def positional(fn: Callable[..., Any], name: str, least: int, most: int) -> Callable[..., Any]:
    """`fn(m, th, *args)` for a built-in that takes no keywords, refusing other calls in
    CPython's words ("len() takes exactly one argument", "getattr expected at least 2
    arguments"): our own functions' names and signatures never show."""
    def call(m: Any, th: Any, *args: Any, **kwargs: Any) -> Any:
        if kwargs:
            raise fail("TypeError", f"{name}() takes no keyword arguments")
        count = len(args)
        if least <= count <= most:
            return fn(m, th, *args)
        if name in _ONE_ARGUMENT:
            raise fail("TypeError", f"{name}() takes exactly one argument ({count} given)")
        if least == most:
            raise fail("TypeError", f"{name} expected {least} argument{'s' * (least != 1)}, "
                                    f"got {count}")
        bound, limit = ("least", least) if count < least else ("most", most)
        raise fail("TypeError", f"{name} expected at {bound} {limit} argument"
                                f"{'s' * (limit != 1)}, got {count}")
    return call
