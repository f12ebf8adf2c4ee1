"""`string`: the module's constants (CPython's `Lib/string.py`), for programs that build
passwords or alphabets from them, `Template` (`$name` substitution) and `Formatter`.

A `Template` finds its placeholders with CPython's own pattern (`string.Template.pattern`,
a regular expression over the template's text, which looks nothing up) and fills them as
`Lib/string.py` does: `str(mapping[name])`, the mapping a dict (keywords win over it), each
value shown as the program shows it, the text refused once it passes the items budget.

`Formatter` is CPython's class, written in Python (stdlib/written.py), so a program's class
derives from it and overrides `format_field` or `get_value`; it parses a format string with
CPython's own parser (`_string.formatter_parser`, which looks nothing up).
"""

from __future__ import annotations

import _string
import re
import string as host
from typing import TYPE_CHECKING, Any

from ..builtin import Builtin
from ..formatting import item, join
from ..generators import PUSHED
from ..upcalls import UP
from ..values import LibraryObject, Thrown, display, fail, represent, type_name
from .written import library_classes

if TYPE_CHECKING:
    from ..classes import UserClass
    from ..machine import Machine, Thread

_PATTERN: re.Pattern[str] = host.Template.pattern

_LOWER = "abcdefghijklmnopqrstuvwxyz"
_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_DIGITS = "0123456789"
_PUNCTUATION = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
_WHITESPACE = " \t\n\r\v\f"

TABLE: dict[str, Any] = {
    "ascii_lowercase": _LOWER,
    "ascii_uppercase": _UPPER,
    "ascii_letters": _LOWER + _UPPER,
    "digits": _DIGITS,
    "hexdigits": _DIGITS + "abcdef" + "ABCDEF",
    "octdigits": "01234567",
    "punctuation": _PUNCTUATION,
    "whitespace": _WHITESPACE,
    "printable": _DIGITS + _LOWER + _UPPER + _PUNCTUATION + _WHITESPACE,
}



class Template(LibraryObject):
    """`string.Template(text)`: `substitute`, `safe_substitute`, `get_identifiers`,
    `is_valid`, and its `template`."""

    __slots__ = ("template",)
    METHODS = frozenset({"substitute", "safe_substitute", "get_identifiers", "is_valid"})
    ATTRIBUTES = frozenset({"template", "delimiter"})

    def __init__(self, template: Any) -> None:
        self.template = template

    def __repr__(self) -> str:
        return "<string.Template object>"

    @property
    def type_name(self) -> str:
        return "Template"

    def attribute(self, name: str) -> Any:
        return self.template if name == "template" else "$"

    def call(self, m: Machine, name: str, args: list[Any], kwargs: dict[str, Any]) -> Any:
        if not isinstance(self.template, str):  # CPython's regular expression refuses it
            raise fail("TypeError", f"expected string or bytes-like object, got "
                                    f"{represent(type_name(self.template))}")
        if name in ("get_identifiers", "is_valid"):
            if args or kwargs:
                raise fail("TypeError", f"Template.{name}() takes 1 positional argument but "
                                        f"{len(args) + 1} were given")
            matches = list(_PATTERN.finditer(self.template))
            if name == "is_valid":
                return all(mo.group("invalid") is None for mo in matches)
            names = (mo.group("named") or mo.group("braced") for mo in matches)
            return list(dict.fromkeys(n for n in names if n is not None))
        if len(args) > 1:
            raise fail("TypeError", f"Template.{name}() takes from 1 to 2 positional "
                                    f"arguments but {len(args) + 1} were given")
        mapping = args[0] if args else kwargs
        if args and kwargs:
            mapping = _Keywords(kwargs, mapping)
        safe = name == "safe_substitute"
        pieces, last = [], 0
        budget = m.program.budgets.items
        for mo in _PATTERN.finditer(self.template):
            pieces.append(self.template[last:mo.start()])
            budget -= len(pieces[-1])
            last = mo.end()
            named = mo.group("named") or mo.group("braced")
            if named is not None:
                try:
                    value = mapping.get(named) if isinstance(mapping, _Keywords) else item(
                        mapping, named)
                except Thrown as e:
                    if not safe or e.exc.type != "KeyError":
                        raise
                    value = _MISSING
                pieces.append(mo.group() if value is _MISSING else display(
                    value, max(budget, 0)))
            elif mo.group("escaped") is not None:
                pieces.append("$")
            elif safe:
                pieces.append(mo.group())
            else:
                raise fail("ValueError", _invalid(self.template, mo.start("invalid")))
            budget -= len(pieces[-1])
            if budget < 0:  # checked at each field: a field may repeat a long value
                join(pieces, m.program.budgets)
        pieces.append(self.template[last:])
        return join(pieces, m.program.budgets)


_MISSING = object()


class _Keywords:
    """`substitute(mapping, **kws)`: the keywords first, then the mapping (CPython's
    ChainMap)."""

    def __init__(self, kwargs: dict[str, Any], mapping: Any) -> None:
        self.kwargs, self.mapping = kwargs, mapping

    def get(self, name: str) -> Any:
        return self.kwargs[name] if name in self.kwargs else item(self.mapping, name)


def _invalid(template: str, i: int) -> str:
    lines = template[:i].splitlines(keepends=True)
    if not lines:
        line, col = 1, 1
    else:
        line, col = len(lines), i - len("".join(lines[:-1]))
    return f"Invalid placeholder in string: line {line}, col {col}"


def _template(m: Machine, th: Thread, *args: Any, **kwargs: Any) -> Template:
    if kwargs or len(args) != 1:
        raise fail("TypeError", f"Template.__init__() takes 2 positional arguments but "
                                f"{len(args) + 1} were given")
    return Template(args[0])


def _capwords(m: Machine, th: Thread, text: Any, sep: Any = None) -> str:
    """CPython's `capwords`: its text no longer than `text` (the same separators)."""
    if not isinstance(text, str):
        raise fail("AttributeError", f"'{type_name(text)}' object has no attribute 'split'")
    if sep is not None and not isinstance(sep, str):  # `(sep or ' ').join`, then split
        if isinstance(sep, int | float) and not sep:
            raise fail("TypeError", f"must be str or None, not {type_name(sep)}")
        raise fail("AttributeError", f"'{type_name(sep)}' object has no attribute 'join'")
    return host.capwords(text, sep)


FORMATTER = '''
def _make(parser, field_split):
    class Formatter:
        def format(self, format_string, /, *args, **kwargs):
            return self.vformat(format_string, args, kwargs)

        def vformat(self, format_string, args, kwargs):
            used_args = set()
            result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
            self.check_unused_args(used_args, args, kwargs)
            return result

        def _vformat(self, format_string, args, kwargs, used_args, recursion_depth,
                     auto_arg_index=0):
            if recursion_depth < 0:
                raise ValueError("Max string recursion exceeded")
            result = []
            for literal_text, field_name, format_spec, conversion in self.parse(format_string):
                if literal_text:
                    result.append(literal_text)
                if field_name is not None:
                    if field_name == "":
                        if auto_arg_index is False:
                            raise ValueError("cannot switch from manual field specification "
                                             "to automatic field numbering")
                        field_name = str(auto_arg_index)
                        auto_arg_index += 1
                    elif field_name.isdigit():
                        if auto_arg_index:
                            raise ValueError("cannot switch from manual field specification "
                                             "to automatic field numbering")
                        auto_arg_index = False
                    obj, arg_used = self.get_field(field_name, args, kwargs)
                    used_args.add(arg_used)
                    obj = self.convert_field(obj, conversion)
                    format_spec, auto_arg_index = self._vformat(
                        format_spec, args, kwargs, used_args, recursion_depth - 1,
                        auto_arg_index=auto_arg_index)
                    result.append(self.format_field(obj, format_spec))
            return "".join(result), auto_arg_index

        def get_value(self, key, args, kwargs):
            if isinstance(key, int):
                return args[key]
            return kwargs[key]

        def check_unused_args(self, used_args, args, kwargs):
            pass

        def format_field(self, value, format_spec):
            return format(value, format_spec)

        def convert_field(self, value, conversion):
            if conversion is None:
                return value
            if conversion == "s":
                return str(value)
            if conversion == "r":
                return repr(value)
            if conversion == "a":
                return ascii(value)
            raise ValueError(f"Unknown conversion specifier {conversion!s}")

        def parse(self, format_string):
            return parser(format_string)

        def get_field(self, field_name, args, kwargs):
            first, rest = field_split(field_name)
            obj = self.get_value(first, args, kwargs)
            for is_attr, i in rest:
                if is_attr:
                    obj = getattr(obj, i)
                else:
                    obj = obj[i]
            return obj, first

    return {"string.Formatter": Formatter}

_made = _make(*_given)
'''


def _parser(m: Machine, th: Thread, text: Any) -> list[tuple[Any, ...]]:
    """`_string.formatter_parser(text)`: (literal, field name, spec, conversion) each."""
    if not isinstance(text, str):
        raise fail("TypeError", f"expected str, got {type_name(text)}")
    try:
        return list(_string.formatter_parser(text))
    except ValueError as e:
        raise fail("ValueError", str(e)) from None


def _field_split(m: Machine, th: Thread, name: Any) -> tuple[Any, list[tuple[bool, Any]]]:
    """`_string.formatter_field_name_split(name)`: its first part, then (is an attribute,
    the attribute's name or the index) each."""
    if not isinstance(name, str):
        raise fail("TypeError", f"expected str, got {type_name(name)}")
    try:
        first, rest = _string.formatter_field_name_split(name)
        return first, list(rest)
    except ValueError as e:
        raise fail("ValueError", str(e)) from None


#: The built-ins the written code is given (snapshots find them by key: library.BY_NAME).
GIVEN = (Builtin("formatter_parser", _parser, module="_string"),
         Builtin("formatter_field_name_split", _field_split, module="_string"))
#: The classes a program's class may derive from here, by key.
DERIVABLE = frozenset({"string.Formatter"})


def string_classes(m: Machine) -> dict[str, UserClass]:
    """The machine's written `Formatter`, by key."""
    return library_classes(m, "string", FORMATTER, *GIVEN)


def _formatter(m: Machine, th: Thread, *args: Any, **kwargs: Any) -> Any:
    made, obj = UP.call_value(m, th, string_classes(m)["string.Formatter"], list(args),
                              kwargs)[:2]
    return obj if made else PUSHED


TABLE["Template"] = Builtin("Template", _template, module="string")
TABLE["Formatter"] = Builtin("Formatter", _formatter, module="string")
TABLE["capwords"] = Builtin("capwords", _capwords, module="string")

HINT = ("Supported from string: Template, Formatter, capwords and its constants ("
        + ", ".join(sorted(k for k in TABLE if k not in ("Template", "Formatter", "capwords")))
        + ").")
