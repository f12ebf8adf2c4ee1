"""`argparse`: a course program's `ArgumentParser` for its thread count, parsed from the
simulated command line, which has no arguments (`sys.argv` is `['']`).

`add_argument` records an option's destination, default (`type` applied to a string default,
as CPython does), `action='store_true'`/`'store_false'`/`'count'`; `parse_args()` gives a
`Namespace` of the defaults. A required argument (a positional one without `nargs='?'`, or
`required=True`) ends the program as CPython does: the usage and the error on stderr, then
`SystemExit(2)`. `parse_args(['--threads', '8'])` reads the given list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple, NoReturn

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


class _Option(NamedTuple):
    """One `add_argument`."""

    flags: tuple[str, ...]
    dest: str
    default: Any
    type: Any
    action: str
    required: bool
    positional: bool
    choices: Any


class Parser(LibraryObject):
    """`argparse.ArgumentParser(prog=None, description=None, …)`."""

    __slots__ = ("prog", "options")
    METHODS = frozenset({"add_argument", "parse_args", "parse_known_args", "print_help",
                         "format_usage", "error"})

    def __init__(self, prog: Any) -> None:
        self.prog = prog if isinstance(prog, str) else "program.py"
        self.options: list[_Option] = []

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
        self.options.append(_Option(tuple(flags), dest, default, kwargs.get("type"), action,
                                    required, positional, kwargs.get("choices")))

    def _parse(self, m: Machine, th: Thread, argv: list[Any]) -> Namespace:
        """`argv` read left to right as CPython's parser reads it: `--opt value`,
        `--opt=value`, flags, counts, appends; then the positional arguments in order."""
        values = {o.dest: o.default for o in self.options}
        seen: set[str] = set()
        loose: list[Any] = []
        i = 0
        while i < len(argv):
            arg = argv[i]
            i += 1
            flag, eq, attached = arg.partition("=") if isinstance(arg, str) and arg.startswith(
                "--") else (arg, "", "")
            option = next((o for o in self.options if not o.positional and flag in o.flags),
                          None)
            if option is None:
                loose.append(arg)
                continue
            seen.add(option.dest)
            if option.action in ("store_true", "store_false"):
                values[option.dest] = option.action == "store_true"
            elif option.action == "count":
                values[option.dest] = (values[option.dest] or 0) + 1
            else:
                if not eq and i >= len(argv):
                    self._fail(m, f"argument {'/'.join(option.flags)}: expected one argument")
                text = attached if eq else argv[i]
                i += 0 if eq else 1
                value = self._convert(m, th, option, text)
                values[option.dest] = [*(values[option.dest] or []), value] if (
                    option.action == "append") else value
        self._positionals(m, th, values, loose)
        for option in self.options:
            if option.dest not in seen and isinstance(option.default, str) and (
                    option.type is not None and not option.positional):
                values[option.dest] = self._convert(m, th, option, option.default)
        missing = ["/".join(o.flags) for o in self.options
                   if o.required and not o.positional and o.dest not in seen]
        if missing:
            self._fail(m, "the following arguments are required: " + ", ".join(missing))
        return Namespace(values)

    def _positionals(self, m: Machine, th: Thread, values: dict[str, Any],
                     loose: list[Any]) -> None:
        """The positional arguments take the words no option took, in order; a word left
        over, or one starting with '-', is unrecognized."""
        words = [w for w in loose if not (isinstance(w, str) and w.startswith("-"))]
        unknown = [w for w in loose if isinstance(w, str) and w.startswith("-")]
        missing = []
        for option in (o for o in self.options if o.positional):
            if words:
                values[option.dest] = self._convert(m, th, option, words.pop(0))
            elif option.required:
                missing.append(option.dest)
        if missing:
            self._fail(m, "the following arguments are required: " + ", ".join(missing))
        if unknown or words:
            self._fail(m, "unrecognized arguments: " + " ".join(map(str, unknown + words)))

    def _convert(self, m: Machine, th: Thread, option: _Option, text: Any) -> Any:
        """`text` as the option's type makes it, within its choices, or CPython's error."""
        value = text
        if option.type is not None:
            try:
                value = call_now(m, th, option.type, [text])
            except (Thrown, ValueError, TypeError) as e:  # the program's type, or int()
                if isinstance(e, Thrown) and e.exc.type not in ("ValueError", "TypeError"):
                    raise
                name = getattr(option.type, "name", "?")
                self._fail(m, f"argument {'/'.join(option.flags)}: invalid {name} value: "
                              f"{represent(text)}")
        if option.choices is not None and value not in option.choices:
            choices = ", ".join(represent(c) for c in option.choices)
            self._fail(m, f"argument {'/'.join(option.flags) or option.dest}: invalid choice: "
                          f"{represent(value)} (choose from {choices})")
        return value

    def _usage(self) -> str:
        parts = [f"usage: {self.prog} [-h]"]
        for o in self.options:
            if o.positional:
                parts.append(o.dest)
            else:
                shown = o.flags[0] if o.action in ("store_true", "store_false", "count") else (
                    f"{o.flags[0]} {o.dest.upper()}")
                parts.append(shown if o.required else f"[{shown}]")
        return " ".join(parts)

    def _fail(self, m: Machine, message: str) -> NoReturn:
        m.write([self._usage(), "\n", f"{self.prog}: error: {message}\n"], "stderr")
        raise Thrown(SimException("SystemExit", (2,)))


def _parser(m: Machine, th: Thread, prog: Any = None, *args: Any, **kwargs: Any) -> Parser:
    return Parser(prog)


TABLE: dict[str, Any] = {
    "ArgumentParser": Builtin("ArgumentParser", _parser, module="argparse"),
    "Namespace": Builtin("Namespace", lambda m, th, **kw: Namespace(dict(kw)),
                         module="argparse"),
}
