"""Format strings, read by our own code over the program's values: `str.format`,
`str.format_map`, f-strings, the `format()` built-in, and `%` on a string.

Why not CPython's: `str.format` follows `{0.attr[key]}` with real attribute and item lookups,
and our own values are Python objects (a `Builtin`'s `.fn` is a host function), so
`'{0.fn.__globals__}'.format(print)` would walk into the server. Here a field's `.attr` is
only what the simulated type defines (the caller's `attribute`: `calls.get_attribute`), a
`[key]` only an item of a list, tuple, dict, str or range, and the real `format()` and `%` see
one scalar at a time; our objects and containers are shown by `values.display` and
`quoted`. CPython's own parser (`_string`) splits the text, so parse errors are worded as
CPython words them; it looks nothing up. Every width and precision is checked against the
items budget before anything is made, and so is the length of the whole result.
"""

from __future__ import annotations

import _string  # CPython's format-string parser: it splits a format, it looks nothing up
import re
from collections import deque
from collections.abc import Callable, Iterator
from functools import cache
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

from .budgets import Budgets
from .classes import MISSING, Instance, matches
from .code import COMPILERS
from .errors import BudgetError
from .machine import push_frame
from .protocols import UserIter, as_iterator, declined, declined_first, declined_reflected
from .special import ASKED, MADE, Shown, declined_comparison, run_special, shown_objects
from .stdlib.enum import acts_as_value
from .values import (
    ExceptionClass,
    Function,
    SimException,
    Thrown,
    display,
    fail,
    quoted,
    type_name,
)

if TYPE_CHECKING:
    from .machine import Machine, Thread

#: `obj.name` as the program sees it (`calls.get_attribute`, bound to a machine and thread).
Attribute = Callable[[Any, str], Any]

#: The only values the real `format()` and `%` are given: their formatting is CPython's own.
#: `format(value, spec)` of a library module's host values that take a spec of their own
#: (a datetime's strftime).
FORMATS: dict[type, Callable[[Any, str, Budgets], str]] = {}
SCALARS = frozenset({int, float, complex, str, bool, type(None)})
#: What a `[key]` in a field, or the mapping of `%(key)s`, may be indexed as.
_INDEXABLE = (list, tuple, dict, str, range)
#: What `%` takes as a mapping: CPython's "has items, and is not a tuple or a str".
_MAPPINGS = (dict, list, range)
#: A field's spec may hold fields (`'{:{}}'`), themselves not again: CPython's depth.
MAX_DEPTH = 2
_NUMBER = re.compile(r"[0-9]+")
_DIGITS = re.compile(r"[0-9]*")
#: What a non-number is told by each numeric %-conversion, as CPython 3.13 words it.
_NOT_A_NUMBER = {
    **dict.fromkeys("diu", "%{c} format: a real number is required, not {t}"),
    **dict.fromkeys("oxX", "%{c} format: an integer is required, not {t}"),
    **dict.fromkeys("eEfFgG", "must be real number, not {t}"),
    "c": "%c requires int or char",
}
_PERCENT_CONVERSIONS = frozenset("sra") | _NOT_A_NUMBER.keys()

T = TypeVar("T")
#: The containers whose objects' texts `push_texts` makes first.
_HOLDERS = (list, tuple, dict, set, frozenset, deque)
#: What ends a loop over an object's `__next__`, and over its `__getitem__`.
_STOP, _INDEX_ERROR = ExceptionClass("StopIteration"), ExceptionClass("IndexError")


# -- widths and lengths ------------------------------------------------------------------------


def check_width(value: Any, budgets: Budgets) -> None:
    """A width must fit the items budget before the text is made: an int (`ljust`, `zfill`, a
    `*` in a %-format), or each number in a format spec (`>10`, `.3f`)."""
    if isinstance(value, int) and not isinstance(value, bool):
        if value > budgets.items:
            _too_wide(f"{value:,}" if value < 10**18 else "over 10**18", budgets)
    elif isinstance(value, str):
        for number in _NUMBER.findall(value):
            _check_digits(number, budgets)


def _check_digits(number: str, budgets: Budgets) -> None:
    if len(number) > 18 or int(number) > budgets.items:
        _too_wide(f"{int(number):,}" if len(number) <= 18 else f"{number[:18]}…", budgets)


def _too_wide(shown: str, budgets: Budgets) -> NoReturn:
    raise BudgetError(f"a width of {shown} is over the limit of {budgets.items:,} characters")


class _Text:
    """The text being made, refused as soon as it is longer than the items budget: each field
    fits, but a thousand of them need not (`'{0:999999}' * 1000`)."""

    def __init__(self, budgets: Budgets) -> None:
        self.budgets = budgets
        self.parts: list[str] = []
        self.size = 0

    def add(self, piece: str) -> None:
        self.size += len(piece)
        if self.size > self.budgets.items:
            raise BudgetError(f"a formatted string of over {self.budgets.items:,} characters "
                              f"is over the limit")
        self.parts.append(piece)

    def text(self) -> str:
        return "".join(self.parts)


def join(pieces: list[str], budgets: Budgets) -> str:
    """An f-string's pieces joined, within the items budget."""
    text = _Text(budgets)
    for piece in pieces:
        text.add(piece)
    return text.text()


# -- one field ---------------------------------------------------------------------------------


def format_field(value: Any, conversion: str | None, spec: str, budgets: Budgets) -> str:
    """One replacement field, `{value!conversion:spec}`, its spec already filled in."""
    if conversion is not None:
        value = _convert(value, conversion, budgets)
    return format_value(value, spec, budgets)


def _convert(value: Any, conversion: str, budgets: Budgets) -> str:
    """`!s`, `!r`, `!a`: the value's text as the program sees it (raising as CPython does for
    an int too long to show), within the items budget."""
    if conversion == "s":
        return display(value, budgets.items)
    if conversion == "r":
        return quoted(value, budgets.items)
    if conversion == "a":
        return quoted(value, budgets.items).encode("ascii", "backslashreplace").decode("ascii")
    code = ord(conversion)
    shown = conversion if 32 < code < 127 else f"\\x{code:x}"
    raise fail("ValueError", f"Unknown conversion specifier {shown}")


def format_value(value: Any, spec: str, budgets: Budgets) -> str:
    """`format(value, spec)`: CPython's own for a scalar once the spec's numbers fit the
    budget; a container or one of our objects takes only an empty spec (`object.__format__`)."""
    if type(value) in SCALARS:
        try:
            check_width(spec, budgets)
        except BudgetError:
            try:  # the same spec with small numbers, to see if CPython refuses it anyway
                format(value, _NUMBER.sub("1", spec))
            except (ValueError, TypeError):
                # Then it refuses this one before it builds anything, in its own words.
                _real(format, value, spec)
            raise
        return _real(format, value, spec)
    library = FORMATS.get(type(value))
    if library is not None:
        return library(value, spec, budgets)
    own = _own_format(value, spec)
    if own is not None:
        return own
    if spec:
        raise fail("TypeError",
                   f"unsupported format string passed to {type_name(value)}.__format__")
    return display(value, budgets.items)


def _own_format(value: Any, spec: str) -> str | None:
    """The `__format__` of the program's class of `value`, if it has one."""
    if not isinstance(value, Instance):
        return None
    if acts_as_value(value.cls):  # IntEnum formats as its int, StrEnum as its str
        return _real(format, value.attrs["value"], spec)
    result = run_special(value, "__format__", [spec])
    if result is MISSING:
        return None
    if not isinstance(result, str):
        raise fail("TypeError", f"__format__ must return a str, not {type_name(result)}")
    return result


def format_builtin(args: tuple[Any, ...], kwargs: dict[str, Any], budgets: Budgets) -> str:
    """The `format(value, spec='')` built-in, with CPython's argument errors."""
    if kwargs:
        raise fail("TypeError", "format() takes no keyword arguments")
    if not 1 <= len(args) <= 2:
        bound = "at least 1 argument" if not args else "at most 2 arguments"
        raise fail("TypeError", f"format expected {bound}, got {len(args)}")
    value, spec = (*args, "")[:2]
    if not isinstance(spec, str):
        raise fail("TypeError", f"format() argument 2 must be str, not {type_name(spec)}")
    return format_value(value, spec, budgets)


def item(obj: Any, key: int | str) -> Any:
    """`obj[key]` for a field's `[key]` or a `%(key)s`: only an item of builtin data."""
    if not isinstance(obj, _INDEXABLE):
        raise fail("TypeError", f"'{type_name(obj)}' object is not subscriptable")
    try:
        return obj[key]  # type: ignore[index]
    except KeyError:
        raise Thrown(SimException("KeyError", (key,))) from None
    except (IndexError, TypeError) as e:
        raise fail(type(e).__name__, str(e)) from None


def _real(fn: Callable[..., str], *args: Any) -> str:
    """A real formatting call on scalars, its errors the program's own."""
    try:
        return fn(*args)
    except (ValueError, TypeError, OverflowError) as e:
        raise fail(type(e).__name__, str(e)) from None


# -- str.format and format_map -----------------------------------------------------------------


def format_method(text: str, name: str, args: list[Any], kwargs: dict[str, Any],
                  budgets: Budgets, attribute: Attribute) -> str:
    """`text.format(*args, **kwargs)` or `text.format_map(mapping)`."""
    if name == "format":
        return _Fields(tuple(args), kwargs, budgets, attribute).build(text, MAX_DEPTH)
    if kwargs:
        raise fail("TypeError", "str.format_map() takes no keyword arguments")
    if len(args) != 1:
        raise fail("TypeError",
                   f"str.format_map() takes exactly one argument ({len(args)} given)")
    return _Fields(None, args[0], budgets, attribute).build(text, MAX_DEPTH)


class _Fields:
    """One call's arguments and how its fields are numbered: `{}` counts up, `{0}` names a
    position, and one call may not mix the two (CPython's rule)."""

    def __init__(self, args: tuple[Any, ...] | None, named: Any, budgets: Budgets,
                 attribute: Attribute) -> None:
        self.args = args  # None for format_map, which takes no positional fields
        self.named = named
        self.budgets = budgets
        self.attribute = attribute
        self.numbering = ""  # "auto" or "manual" once the first numbered field is seen
        self.next_auto = 0

    def build(self, text: str, depth: int) -> str:
        if depth == 0:
            raise fail("ValueError", "Max string recursion exceeded")
        out = _Text(self.budgets)
        for literal, name, spec, conversion in _parsed(_string.formatter_parser(text)):
            out.add(literal)
            if name is None:
                continue
            value = self.field(name)
            if conversion is not None:
                value = _convert(value, conversion, self.budgets)
            if "{" in spec:  # CPython expands a spec only when it holds a field
                spec = self.build(spec, depth - 1)
            out.add(format_value(value, spec, self.budgets))
        return out.text()

    def field(self, name: str) -> Any:
        """The value a field name names: an argument, then `.attr` and `[key]` on it."""
        first, rest = _parsing(_string.formatter_field_name_split, name)
        if first == "" or isinstance(first, int):
            first = self.number(first)
            if self.args is None:
                raise fail("ValueError", "Format string contains positional fields")
            if first >= len(self.args):
                raise fail("IndexError", f"Replacement index {first} out of range for "
                                         f"positional args tuple")
            value = self.args[first]
        else:
            value = item(self.named, first)
        for is_attribute, key in _parsed(rest):
            value = self.attribute(value, key) if is_attribute else item(value, key)
        return value

    def number(self, first: int | str) -> int:
        automatic = first == ""
        self.numbering = self.numbering or ("auto" if automatic else "manual")
        if automatic and self.numbering == "manual":
            raise fail("ValueError", "cannot switch from manual field specification to "
                                     "automatic field numbering")
        if not automatic and self.numbering == "auto":
            raise fail("ValueError", "cannot switch from automatic field numbering to manual "
                                     "field specification")
        if automatic:
            self.next_auto += 1
            return self.next_auto - 1
        assert isinstance(first, int)
        return first


def _parsed(items: Iterator[T]) -> Iterator[T]:
    """The parser's pieces one by one, as CPython meets them; its errors (`Single '}'
    encountered in format string`) are the program's own."""
    while True:
        try:
            piece = next(items)
        except StopIteration:
            return
        except ValueError as e:
            raise fail("ValueError", str(e)) from None
        yield piece


def _parsing(fn: Callable[[str], T], text: str) -> T:
    try:
        return fn(text)
    except ValueError as e:
        raise fail("ValueError", str(e)) from None


# -- the % operator ----------------------------------------------------------------------------


def percent(text: str, values: Any, budgets: Budgets) -> str:
    """`text % values`, read conversion by conversion as CPython's `PyUnicode_Format` does;
    the real `%` formats one scalar at a time."""
    args = _Args(values)
    out = _Text(budgets)
    start = 0
    while (at := text.find("%", start)) >= 0:
        out.add(text[start:at])
        if text.startswith("%", at + 1):
            out.add("%")
            start = at + 2
        else:
            piece, start = _conversion(text, at + 1, args, budgets)
            out.add(piece)
    out.add(text[start:])
    if args.index < args.count and args.mapping is None:
        raise fail("TypeError", "not all arguments converted during string formatting")
    return out.text()


class _Args:
    """What a %-format's conversions take, in CPython's order: the items of a tuple, else the
    one value; after a `%(key)`, that key's value."""

    def __init__(self, values: Any) -> None:
        self.mapping = values if isinstance(values, _MAPPINGS) else None
        self.values = values
        self.count, self.index = (len(values), 0) if isinstance(values, tuple) else (-1, -2)

    def next(self) -> Any:
        if self.index >= self.count:
            raise fail("TypeError", "not enough arguments for format string")
        self.index += 1
        return self.values if self.count < 0 else self.values[self.index - 1]

    def key(self, key: str) -> None:
        assert self.mapping is not None
        self.values, self.count, self.index = item(self.mapping, key), -1, -2


def _conversion(text: str, i: int, args: _Args, budgets: Budgets) -> tuple[str, int]:
    """The conversion starting after the `%` at `i - 1`: its text and where the rest starts."""
    n = len(text)
    if text.startswith("(", i):
        if args.mapping is None:
            raise fail("TypeError", "format requires a mapping")
        depth, i = 1, i + 1
        key_start = i
        while depth and i < n:
            depth += {"(": 1, ")": -1}.get(text[i], 0)
            i += 1
        if depth:
            raise fail("ValueError", "incomplete format key")
        args.key(text[key_start:i - 1])
    flags_start = i
    while i < n and text[i] in "-+ #0":
        i += 1
    flags = text[flags_start:i]
    width, i = _number(text, i, args, budgets)
    if width is not None and width < 0:  # `'%*d' % (-5, x)` pads on the right
        flags, width = flags + "-", -width
    precision = None
    if text.startswith(".", i):
        precision, i = _number(text, i + 1, args, budgets)
        precision = max(precision or 0, 0)
    if text.startswith(("h", "l", "L"), i):  # C's length modifiers: read and ignored
        i += 1
    if i >= n:
        raise fail("ValueError", "incomplete format")
    char = text[i]
    value = args.next()
    if char not in _PERCENT_CONVERSIONS:
        shown = char if 31 <= ord(char) <= 126 else "?"
        raise fail("ValueError", f"unsupported format character '{shown}' (0x{ord(char):x}) "
                                 f"at index {i}")
    spec = "%" + flags + ("" if width is None else str(width)) + (
        "" if precision is None else f".{precision}")
    if type(value) not in SCALARS:
        if char not in "sra":
            raise fail("TypeError", _NOT_A_NUMBER[char].format(c=char, t=type_name(value)))
        value, char = _convert(value, char, budgets), "s"  # our objects and containers: their text
    return _real(lambda: (spec + char) % (value,)), i + 1


def _number(text: str, i: int, args: _Args, budgets: Budgets) -> tuple[int | None, int]:
    """A width or precision at `i`: digits, `*` (the next argument) or none; within budget."""
    if text.startswith("*", i):
        value = args.next()
        if not isinstance(value, int):
            raise fail("TypeError", "* wants int")
        check_width(abs(value), budgets)
        return int(value), i + 1  # `True` is a width of 1
    digits = _DIGITS.match(text, i)
    assert digits is not None
    if not digits.group():
        return None, i
    _check_digits(digits.group(), budgets)
    return int(digits.group()), digits.end()


class Converted:
    """The `cleanup` of a frame running an object's `__str__` or `__repr__` for the caller's
    CALL or FORMAT, which waits on its instruction meanwhile. RETURN hands it the text:
    `mode` "arg" puts it in the object's place, `depth` places from the top of the caller's
    stack, and the instruction runs again (`print(a, b)`); "result" makes it the result of
    the call, whose callee and `depth - 1` arguments it replaces (`str(obj)`); "format"
    formats it by the spec above it, if `depth` is 2 (an f-string's field); "formatted" is
    an own `__format__`'s text, in place of the field's value and spec. The other
    special methods an instruction pushes (`push_own`) make its result as "result" does:
    "item" any value (`__getitem__`), "length" an int >= 0 (`__len__`), "in" and "not in"
    a truth (`__contains__`), "iter" an iterator (`__iter__`), "compare" a comparison's
    (`__eq__`, `__lt__` …: if NotImplemented, the reflected one), "op", "rop" and "first" an
    operator's (`__add__`, `__radd__`, a subclass's `__radd__` tried first: if it answers
    NotImplemented, what Python tries next)."""

    __slots__ = ("depth", "which", "mode")
    #: The instruction waits on its own pc meanwhile (tracebacks: the caller's line is its).
    stays_put = True

    def __init__(self, depth: int, which: str, mode: str) -> None:
        self.depth = depth
        self.which = which
        self.mode = mode

    def __reduce__(self) -> tuple[Any, ...]:
        """Written as its class and arguments: pickle's default for slots makes a dict on
        the way, which two threads' frame parts could take for one object they both hold
        (parts.py tells them by id; a dict made and freed for one thread's frames may have
        the id of the next one's)."""
        return type(self), (self.depth, self.which, self.mode)

    def __call__(self, m: Machine, th: Thread) -> None:
        """Unwinding through the frame: nothing to undo."""

    def land(self, m: Machine, frame: Any, value: Any) -> None:
        if self.mode == "length":
            value = _length(value)
        elif self.mode == "iter":
            value = as_iterator(value)
        elif self.mode == "op" and value is NotImplemented:  # `a + b`: b's `__radd__`
            value = declined(self.which[2:-2], frame.stack[-2], frame.stack[-1])
        elif self.mode == "compare" and value is NotImplemented:  # `a == b`: b's `__eq__`
            value = declined_comparison(self.which, frame.stack[-2], frame.stack[-1])
        elif self.mode == "first" and value is NotImplemented:  # a subclass's `__radd__`
            value = declined_first(self.which[3:-2], frame.stack[-2], frame.stack[-1])
        elif self.mode == "rop" and value is NotImplemented:
            value = declined_reflected(self.which[3:-2], frame.stack[-1], frame.stack[-2])
        elif self.mode in ("in", "not in"):
            value = bool(value) == (self.mode == "in")
        elif self.mode in ("arg", "result", "format") and not isinstance(value, str):
            raise fail("TypeError", f"{self.which} returned non-string (type "
                                    f"{type(value).__name__})")
        elif self.mode == "formatted" and not isinstance(value, str):  # an own `__format__`
            raise fail("TypeError", f"__format__ must return a str, not {type_name(value)}")
        stack = frame.stack
        if self.mode == "arg":
            stack[-self.depth] = value
            return
        if self.mode != "format":
            del stack[len(stack) - self.depth:]
            stack.append(value)
        else:
            spec = stack.pop() if self.depth == 2 else ""
            stack[-1] = format_value(value, spec, m.program.budgets)
        frame.pc += 1


def _length(value: Any) -> int:
    """What `len()` makes of a `__len__`'s value, with CPython's errors."""
    if not isinstance(value, int):
        raise fail("TypeError", f"'{type_name(value)}' object cannot be interpreted as an "
                                f"integer")
    if value < 0:
        raise fail("ValueError", "__len__() should return >= 0")
    return int(value)


def push_own(m: Machine, th: Thread, obj: Any, name: str, args: list[Any], depth: int,
             mode: str) -> bool:
    """Run the class's own special method `name` of `obj` (`__len__`, `__contains__`,
    `__getitem__`, `__add__` …) as the thread's own call, for the instruction below it,
    which its RETURN then completes (`Converted`, `depth` and `mode`): a lock it takes may
    wait, which a special method run inside a step cannot. False if the class has none of
    its own."""
    if not m.program.special or type(obj) is not Instance or (
            "flag" in obj.cls.options or "intenum" in obj.cls.options):
        return False
    method = obj.cls.lookup(name)
    if not isinstance(method, Function) or method.code.generator:
        return False
    push_frame(m, th, method, [obj, *args], {}).cleanup = Converted(depth, name, mode)
    return True


class LoopItem(Converted):
    """The `cleanup` of a frame running an object's `__next__` (or its `__getitem__(i)`,
    the sequence protocol's) for a `for` loop, as the thread's own call: its RETURN gives
    the loop its next item; a StopIteration (an IndexError) leaving it ends the loop, which
    goes on at `done` (`Machine.deliver` asks `absorbs`)."""

    __slots__ = ("done",)

    def __init__(self, which: str, done: int) -> None:
        super().__init__(1, which, "loop")
        self.done = done

    def __reduce__(self) -> tuple[Any, ...]:
        return LoopItem, (self.which, self.done)

    def land(self, m: Machine, frame: Any, value: Any) -> None:
        it = frame.stack[-1]
        if it.index is not None:
            it.index += 1
        frame.stack.append(value)
        frame.pc += 1

    def absorbs(self, frame: Any, exc: SimException) -> bool:
        end = _INDEX_ERROR if self.which == "__getitem__" else _STOP
        if not matches(exc, end):
            return False
        frame.stack.pop()
        frame.pc = self.done
        return True


def push_next(m: Machine, th: Thread, it: UserIter, done: int) -> bool:
    """The next item of a `for` loop over an object of the program's: its `__next__` (or
    `__getitem__` at the next index) run as the thread's own call (`LoopItem`), so a lock
    it takes may wait. False where it has none of its own to push."""
    obj = it.obj
    which = "__next__" if it.index is None else "__getitem__"
    method = obj.cls.lookup(which)
    if not m.program.special or not isinstance(method, Function) or method.code.generator:
        return False
    args = [obj] if it.index is None else [obj, it.index]
    push_frame(m, th, method, args, {}).cleanup = LoopItem(which, done)
    return True


#: The library's loop that makes the texts of objects a container shows (`push_texts`).
_TEXTS_SOURCE = """
def texts(objects):
    return [repr(obj) for obj in objects]
"""


@cache
def _texts_function() -> Function:
    return Function(COMPILERS.function(_TEXTS_SOURCE), (), None)


class TextsMade(Converted):
    """The `cleanup` of the frame making the texts of the objects a call's container
    arguments hold (`push_texts`): its RETURN shows each container with them (`Shown`, in
    its place on the caller's stack), and the call, which stayed put, runs again."""

    __slots__ = ("objects", "slots")

    def __init__(self, objects: list[Any], slots: tuple[int, ...]) -> None:
        super().__init__(0, "__repr__", "texts")
        self.objects, self.slots = objects, slots

    def __reduce__(self) -> tuple[Any, ...]:
        return TextsMade, (self.objects, self.slots)

    def land(self, m: Machine, frame: Any, value: Any) -> None:
        token = MADE.set({id(obj): text for obj, text in zip(self.objects, value, strict=True)})
        try:
            for slot in self.slots:
                frame.stack[slot] = Shown(quoted(frame.stack[slot], m.program.budgets.items))
        finally:
            MADE.reset(token)


def push_texts(m: Machine, th: Thread, args: list[Any], first: int) -> bool:
    """`print(items)`, `str(items)`: the own `__repr__` of each object of the program's the
    containers among `args` (the first at stack position `first`) hold runs first, as the
    thread's own call (a lock it takes may wait); then the call runs again on their texts.
    False if they hold none (or too many items to look through)."""
    objects: dict[int, Any] = {}  # by identity: `==` would run the objects' own `__eq__`
    slots = []
    for i, arg in enumerate(args):
        inside = shown_objects(arg) if isinstance(arg, _HOLDERS) else None
        if inside:
            slots.append(first + i)
            objects.update((id(obj), obj) for obj in inside)
    if not objects:
        return False
    listed = list(objects.values())
    frame = push_frame(m, th, _texts_function(), [listed], {})
    frame.cleanup = TextsMade(listed, tuple(slots))
    return True


#: The library's loop a sequence's `in` runs as, item by item, as CPython's `list_contains`
#: compares (`item == value`, after identity).
_CONTAINS_SOURCE = """
def contains(items, value):
    for item in items:
        if item is value or item == value:
            return True
    return False
"""
#: The sequences whose `in` compares each item in turn.
_SEQUENCES = (list, tuple, deque)


@cache
def _contains_function() -> Function:
    return Function(COMPILERS.function(_CONTAINS_SOURCE), (), None)


def push_membership(m: Machine, th: Thread, value: Any, items: Any, op: str) -> bool:
    """`value in items` of a list, tuple or deque where an object of the program's is
    compared (the value, or an item whose class has its own `__eq__`): the comparisons run
    as the thread's own code, each `__eq__` a call of its own (a lock it takes may wait),
    and the frame's RETURN gives the answer (`Converted`, "in" or "not in")."""
    if not m.program.special or not isinstance(items, _SEQUENCES) or not (
            _own_eq(value) or any(_own_eq(item) for item in items)):
        return False
    push_frame(m, th, _contains_function(), [items, value], {}).cleanup = Converted(
        2, "__eq__", op)
    return True


def _own_eq(value: Any) -> bool:
    if type(value) is not Instance:
        return False
    method = value.cls.lookup("__eq__")
    return isinstance(method, Function) and not method.code.generator


#: The library's loop that makes the texts a `%` format takes of objects of the program's.
_PERCENT_SOURCE = """
def texts(objects, reprs):
    return [repr(obj) if r else str(obj) for obj, r in zip(objects, reprs)]
"""


@cache
def _percent_function() -> Function:
    return Function(COMPILERS.function(_PERCENT_SOURCE), (), None)


class PercentMade(Converted):
    """The `cleanup` of the frame making the texts a `%` format takes of the objects among
    its values (`push_percent_texts`): its RETURN puts each object's text in its place among
    the values (at `slot` on the caller's stack), and the `%`, which stayed put, runs again."""

    __slots__ = ("slot", "objects")

    def __init__(self, slot: int, objects: list[Any]) -> None:
        super().__init__(0, "__str__", "percent")
        self.slot, self.objects = slot, objects

    def __reduce__(self) -> tuple[Any, ...]:
        return PercentMade, (self.slot, self.objects)

    def land(self, m: Machine, frame: Any, value: Any) -> None:
        made = {id(obj): Shown(text) for obj, text in zip(self.objects, value, strict=True)}
        values = frame.stack[self.slot]
        if type(values) is tuple:
            values = tuple(made.get(id(v), v) for v in values)
        elif type(values) is dict:
            values = {k: made.get(id(v), v) for k, v in values.items()}
        else:
            values = made.get(id(values), values)
        frame.stack[self.slot] = values


def push_percent_texts(m: Machine, th: Thread, text: str, values: Any, slot: int) -> bool:
    """`text % values` where values (a tuple's items, a dict's values, or the one value) are
    objects of the program's whose own `__str__` or `__repr__` the format takes: those run
    first, as the thread's own calls (a lock they take may wait), found by reading the
    format once without running them; then the `%` runs again on their texts. False where
    none is taken, or one object is taken both ways, or one inside a container."""
    top = (list(values) if type(values) is tuple else list(values.values())
           if type(values) is dict else [values])
    if not m.program.special or not any(type(v) is Instance for v in top):
        return False
    asked: list[tuple[Any, str]] = []
    token = ASKED.set(asked)
    try:
        percent(text, values, m.program.budgets)
    except (Thrown, BudgetError):
        return False  # the real reading raises it
    finally:
        ASKED.reset(token)
    reprs: dict[int, bool] = {}
    objects: list[Any] = []
    for obj, which in asked:
        wants = which == "__repr__"
        if not any(v is obj for v in top) or reprs.setdefault(id(obj), wants) != wants:
            return False
        if len(objects) < len(reprs):
            objects.append(obj)
    if not objects:
        return False
    frame = push_frame(m, th, _percent_function(), [objects, [reprs[id(o)] for o in objects]],
                       {})
    frame.cleanup = PercentMade(slot, objects)
    return True


#: `Tested.target` for `not obj`, and for `bool(obj)`.
NOT, BOOL = -1, -2


class Tested(Converted):
    """The `cleanup` of a frame running an object's `__bool__` (or `__len__`) for a branch
    (`if obj:`, `while queue:`, `a or b`): its RETURN makes the truth and jumps as the
    branch would have, `when` the truth that jumps to `target`, `keep` the object kept on
    the stack when it jumps (`and`, `or`). A `target` of NOT is no branch but `not obj`,
    its value in the object's place; of BOOL, `bool(obj)`, in the call's."""

    __slots__ = ("when", "target", "keep")

    def __init__(self, which: str, when: bool, target: int, keep: bool) -> None:
        super().__init__(1, which, "truth")
        self.when, self.target, self.keep = when, target, keep

    def __reduce__(self) -> tuple[Any, ...]:
        return Tested, (self.which, self.when, self.target, self.keep)

    def land(self, m: Machine, frame: Any, value: Any) -> None:
        if self.which == "__bool__" and not isinstance(value, bool):
            raise fail("TypeError", f"__bool__ should return bool, returned "
                                    f"{type_name(value)}")
        truth = value if self.which == "__bool__" else _length(value) != 0
        if self.target == NOT:
            frame.stack[-1] = not truth
            frame.pc += 1
        elif self.target == BOOL:  # the call's callee and argument: its result
            del frame.stack[-2:]
            frame.stack.append(truth)
            frame.pc += 1
        elif truth == self.when:
            frame.pc = self.target
            if not self.keep:
                frame.stack.pop()
        else:
            frame.stack.pop()
            frame.pc += 1


def push_truth(m: Machine, th: Thread, obj: Any, when: bool, target: int, keep: bool) -> bool:
    """A branch on an object whose class defines `__bool__` or `__len__`: that method run as
    the thread's own call (as `push_own`), the branch taken when it returns (`Tested`)."""
    if not m.program.special or type(obj) is not Instance or (
            "flag" in obj.cls.options or "intenum" in obj.cls.options):
        return False
    method, which = obj.cls.lookup("__bool__"), "__bool__"
    if method is MISSING:
        method, which = obj.cls.lookup("__len__"), "__len__"
    if not isinstance(method, Function) or method.code.generator:
        return False
    push_frame(m, th, method, [obj], {}).cleanup = Tested(which, when, target, keep)
    return True
