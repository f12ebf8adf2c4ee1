"""`argparse`: a course program's `ArgumentParser` for its thread count, parsed from the
simulated command line, which has no arguments (`sys.argv` is `['']`).

`add_argument` records an option's destination, default (`type` applied to a string default,
as CPython does), `action='store_true'`/`'store_false'`/`'count'`; `parse_args()` gives a
`Namespace` of the defaults. A required argument (a positional one without `nargs='?'`, or
`required=True`) ends the program as CPython does: the usage and the error on stderr, then
`SystemExit(2)`. `parse_args(['--threads', '8'])` reads the given list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..builtin import Builtin
from ..calls import ATTRIBUTES
from ..classes import MISSING
from ..nested import call_now
from ..values import LibraryObject, SimException, Thrown, fail, represent

if TYPE_CHECKING:
    from ..machine import Machine, Thread

HINT = "Supported from argparse: ArgumentParser (add_argument, parse_args), Namespace."

_ACTIONS = {"store": None, "store_true": False, "store_false": True, "count": None,
            "store_const": None, "append": None}


class Namespace:
    """What `parse_args()` returns: the options' values by destination."""

    __slots__ = ("values",)

    def __init__(self, values: dict[str, Any]) -> None:
        self.values = values

    def __repr__(self) -> str:
        return "Namespace(" + ", ".join(f"{k}={represent(v)}" for k, v in self.values.items()
                                        ) + ")"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Namespace) and other.values == self.values

    __hash__ = None  # type: ignore[assignment]


ATTRIBUTES[Namespace] = lambda ns, name: ns.values.get(name, MISSING)


class Parser(LibraryObject):
    """`argparse.ArgumentParser(prog=None, description=None, …)`."""

    __slots__ = ("prog", "options")
    METHODS = frozenset({"add_argument", "parse_args", "parse_known_args", "print_help",
                         "format_usage", "error"})

    def __init__(self, prog: Any) -> None:
        self.prog = prog if isinstance(prog, str) else "program.py"
        #: (flags, dest, default, type, action, required, positional)
        self.options: list[tuple[Any, ...]] = []

    def __repr__(self) -> str:
        return f"ArgumentParser(prog={self.prog!r})"

    def call_in(self, m: Machine, th: Thread, name: str, args: list[Any],
                kwargs: dict[str, Any]) -> Any:
        if name == "add_argument":
            return self._add(args, kwargs)
        if name in ("parse_args", "parse_known_args"):
            given = args[0] if args else kwargs.get("args")
            values = self._parse(m, th, [] if given is None else list(given))
            return values if name == "parse_args" else (values, [])
        if name == "format_usage":
            return self._usage() + "\n"
        if name == "error":
            self._fail(m, str(args[0]) if args else "")
        m.write([self._usage(), "\n"])  # print_help
        return None

    def _add(self, flags: list[Any], kwargs: dict[str, Any]) -> None:
        if not flags or not all(isinstance(f, str) and f for f in flags):
            raise fail("TypeError", "add_argument() needs the argument's name or flags")
        positional = not flags[0].startswith("-")
        longest = max(flags, key=len).lstrip("-").replace("-", "_")
        dest = kwargs.get("dest", flags[0] if positional else longest)
        action = kwargs.get("action", "store")
        if action not in _ACTIONS:
            raise fail("ValueError", f"unknown action {represent(action)}")
        default = kwargs.get("default", _ACTIONS[action])
        required = bool(kwargs.get("required", positional and kwargs.get("nargs") not in (
            "?", "*")))
        self.options.append((tuple(flags), dest, default, kwargs.get("type"), action,
                             required, positional))

    def _parse(self, m: Machine, th: Thread, argv: list[Any]) -> Namespace:
        values: dict[str, Any] = {}
        missing = []
        positionals = [o for o in self.options if o[6]]
        for flags, dest, default, kind, action, required, positional in self.options:
            value: Any = default
            if positional:
                index = positionals.index((flags, dest, default, kind, action, required,
                                           positional))
                positional = [a for a in argv if not str(a).startswith("-")]
                if index < len(positional):
                    value = self._convert(m, th, kind, positional[index])
                elif required:
                    missing.append(dest)
            else:
                for i, arg in enumerate(argv):
                    if arg in flags:
                        if action == "store_true":
                            value = True
                        elif action == "store_false":
                            value = False
                        elif action == "count":
                            value = (value or 0) + 1
                        elif i + 1 < len(argv):
                            value = self._convert(m, th, kind, argv[i + 1])
                if value is default and required and not any(a in flags for a in argv):
                    missing.append("/".join(flags))
                elif isinstance(value, str) and value is default and kind is not None:
                    value = self._convert(m, th, kind, value)
            values[dest] = value
        if missing:
            self._fail(m, "the following arguments are required: " + ", ".join(missing))
        return Namespace(values)

    def _convert(self, m: Machine, th: Thread, kind: Any, text: Any) -> Any:
        return text if kind is None else call_now(m, th, kind, [text])

    def _usage(self) -> str:
        parts = [f"usage: {self.prog} [-h]"]
        for flags, dest, _, _, action, required, positional in self.options:
            if positional:
                parts.append(dest)
            else:
                shown = flags[0] if action in ("store_true", "store_false", "count") else (
                    f"{flags[0]} {dest.upper()}")
                parts.append(shown if required else f"[{shown}]")
        return " ".join(parts)

    def _fail(self, m: Machine, message: str) -> None:
        m.write([self._usage(), "\n", f"{self.prog}: error: {message}\n"], "stderr")
        raise Thrown(SimException("SystemExit", (2,)))


def _parser(m: Machine, th: Thread, prog: Any = None, *args: Any, **kwargs: Any) -> Parser:
    return Parser(prog)


TABLE: dict[str, Any] = {
    "ArgumentParser": Builtin("ArgumentParser", _parser, module="argparse"),
    "Namespace": Builtin("Namespace", lambda m, th, **kw: Namespace(dict(kw)),
                         module="argparse"),
}
