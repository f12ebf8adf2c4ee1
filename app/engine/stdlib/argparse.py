"""`argparse`: a course program's `ArgumentParser` for its thread count, parsed from the
simulated command line, which has no arguments (`sys.argv` is `[filename]`).

`add_argument` records an option's destination, default (`type` applied to a string default,
as CPython does), action (`store`, `store_true`/`store_false`, `count`, `store_const`,
`append`, `append_const`, `version`, `help`), `nargs`, `choices`, `help` and `metavar`;
`parse_args()` gives a `Namespace` of the defaults. A required argument (a positional one
without `nargs='?'` or `'*'`, or `required=True`) ends the program as CPython does: the usage
and the error on stderr, then `SystemExit(2)`. `parse_args(['--threads', '8'])` reads the
given list, with argument groups, mutually exclusive ones and subcommands
(`add_subparsers`, `add_parser`, `set_defaults`). The help and usage texts are CPython's own
formatter's (argparse_help.py); the parser's name is the program file's, as CPython's is
`sys.argv[0]`'s.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any, NamedTuple, NoReturn

from ..builtin import Builtin
from ..calls import ATTRIBUTES
from ..classes import MISSING
from ..errors import BudgetError
from ..nested import call_now
from ..values import LibraryObject, SimException, Thrown, display, fail, represent
from . import argparse_help as help_
from .io import File
from .sys import Stream

if TYPE_CHECKING:
    from ..machine import Machine, Thread

HINT = ("Supported from argparse: ArgumentParser (add_argument, add_argument_group, "
        "add_mutually_exclusive_group, add_subparsers, set_defaults, parse_args, "
        "parse_known_args, print_help, print_usage, format_help, format_usage, error, exit), "
        "Namespace, SUPPRESS, the help formatter classes.")

_ACTIONS = {"store": None, "store_true": False, "store_false": True, "count": None,
            "store_const": None, "append": None, "append_const": None, "version": None,
            "help": None}
_NO_VALUE = frozenset({"store_true", "store_false", "count", "store_const", "append_const",
                       "version", "help"})
SUPPRESS = "==SUPPRESS=="
#: The options one parser may hold.
MAX_OPTIONS = 500
#: The choices one argument may have (its help lists them all).
MAX_CHOICES = 1_000


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
    nargs: Any
    const: Any
    help: Any
    metavar: Any
    #: Its group's index in the parser's `groups`, or None.
    group: int | None


class _Group(NamedTuple):
    """`add_argument_group(title, description)` or `add_mutually_exclusive_group(required)`
    (`within`: the argument group it was made in)."""

    title: Any
    description: Any
    exclusive: bool
    required: bool
    within: int | None


class Subparsers(LibraryObject):
    """What `add_subparsers()` returns: `add_parser(name, …)` makes a subcommand's parser."""

    __slots__ = ("owner", "title", "description", "dest", "required", "help", "metavar",
                 "prefix", "parsers")
    METHODS = frozenset({"add_parser"})

    def __init__(self, owner: Parser, kwargs: dict[str, Any]) -> None:
        self.owner = owner
        self.title = help_.help_text(kwargs.get("title"))
        self.description = help_.help_text(kwargs.get("description"))
        self.dest = kwargs.get("dest")
        self.required = bool(kwargs.get("required", False))
        self.help = help_.help_text(kwargs.get("help"))
        self.metavar = kwargs.get("metavar")
        self.prefix = help_.subcommand_prog(owner)
        #: (name, aliases, help, parser) of each subcommand.
        self.parsers: list[tuple[str, list[str], Any, Parser]] = []

    def __repr__(self) -> str:
        return "_SubParsersAction(...)"

    def call_in(self, m: Machine, th: Thread, name: str, args: list[Any],
                kwargs: dict[str, Any]) -> Any:
        if len(args) != 1 or not isinstance(args[0], str):
            raise fail("TypeError", "add_parser() takes the subcommand's name")
        command = args[0]
        aliases = [display(a) for a in kwargs.pop("aliases", ())]
        said = kwargs.pop("help", None)
        parser = Parser(m, {"prog": f"{self.prefix} {command}", **kwargs})
        self.parsers.append((command, aliases, help_.help_text(said), parser))
        return parser

    def find(self, command: str) -> Parser | None:
        return next((p for name, aliases, _, p in self.parsers
                     if command == name or command in aliases), None)

    def names(self) -> list[str]:
        return [n for name, aliases, _, _ in self.parsers for n in (name, *aliases)]


class Parser(LibraryObject):
    """`argparse.ArgumentParser(prog=None, usage=None, description=None, epilog=None, …)`."""

    __slots__ = ("prog", "usage", "description", "epilog", "formatter", "add_help",
                 "options", "groups", "subparsers", "defaults")
    METHODS = frozenset({"add_argument", "parse_args", "parse_known_args", "print_help",
                         "print_usage", "format_help", "format_usage", "error", "exit",
                         "add_argument_group", "add_mutually_exclusive_group",
                         "add_subparsers", "set_defaults", "get_default"})
    ATTRIBUTES = frozenset({"prog", "usage", "description", "epilog"})

    def __init__(self, m: Machine, kwargs: dict[str, Any]) -> None:
        prog = kwargs.get("prog")
        self.prog = display(prog) if prog is not None else PurePosixPath(
            m.program.filename).name
        self.usage = help_.help_text(kwargs.get("usage"))
        self.description = help_.help_text(kwargs.get("description"))
        self.epilog = help_.help_text(kwargs.get("epilog"))
        formatter = kwargs.get("formatter_class")
        self.formatter = formatter.name if isinstance(formatter, Builtin) and (
            formatter.name in help_.FORMATTERS) else "HelpFormatter"
        self.add_help = bool(kwargs.get("add_help", True))
        self.options: list[_Option] = []
        self.groups: list[_Group] = []
        self.subparsers: Subparsers | None = None
        self.defaults: dict[str, Any] = {}

    def __repr__(self) -> str:
        return f"ArgumentParser(prog={self.prog!r})"

    def attribute(self, name: str) -> Any:
        return getattr(self, name)  # a name of ATTRIBUTES, all slots of ours

    def call_in(self, m: Machine, th: Thread, name: str, args: list[Any],
                kwargs: dict[str, Any]) -> Any:
        if name == "add_argument":
            return self.add(args, kwargs, None)
        if name in ("add_argument_group", "add_mutually_exclusive_group"):
            return Group(self, None).call_in(m, th, name, args, kwargs)
        if name == "add_subparsers":
            if self.subparsers is not None:
                self._fail(m, "cannot have multiple subparser arguments")
            self.subparsers = Subparsers(self, kwargs)
            self._count()
            self.options.append(_Option((), "", None, None, "parsers", False, True, None,
                                        None, None, None, None, None))
            return self.subparsers
        if name == "set_defaults":
            self.defaults.update(kwargs)
            return None
        if name == "get_default":
            dest = args[0] if args else kwargs.get("dest")
            if dest in self.defaults:
                return self.defaults[dest]
            return next((o.default for o in self.options if o.dest == dest), None)
        if name in ("parse_args", "parse_known_args"):
            given = args[0] if args else kwargs.get("args")
            values, rest = self._parse(m, th, [] if given is None else list(given))
            if name == "parse_known_args":
                return Namespace(values), rest
            if rest:
                self._fail(m, "unrecognized arguments: " + " ".join(map(str, rest)))
            return Namespace(values)
        if name in ("format_help", "format_usage"):
            return help_.formatted(self, name[7:])
        if name in ("print_help", "print_usage"):
            _print(m, help_.formatted(self, name[6:]), args[0] if args else kwargs.get("file"))
            return None
        if name == "exit":
            status = args[0] if args else kwargs.get("status", 0)
            message = args[1] if len(args) > 1 else kwargs.get("message")
            if message:
                m.write([display(message)], "stderr")
            raise Thrown(SimException("SystemExit", (status,)))
        self._fail(m, display(args[0]) if args else "")  # error

    def add(self, flags: list[Any], kwargs: dict[str, Any], group: int | None) -> None:
        if not flags or not all(isinstance(f, str) and f for f in flags):
            raise fail("TypeError", "add_argument() needs the argument's name or flags")
        positional = not flags[0].startswith("-")
        longest = max(flags, key=lambda f: (f.startswith("--"), len(f)))
        dest = kwargs.get("dest", flags[0] if positional else longest.lstrip("-").replace(
            "-", "_"))
        action = kwargs.get("action", "store")
        if action not in _ACTIONS:
            raise fail("ValueError", f"unknown action {represent(action)}")
        nargs = kwargs.get("nargs")
        if action in _NO_VALUE and nargs is not None:
            raise fail("TypeError", f"got an unexpected keyword argument 'nargs' for "
                                    f"action {represent(action)}")
        if nargs is not None and not (nargs in ("?", "*", "+") or isinstance(nargs, int) and (
                0 < nargs <= 100 and not isinstance(nargs, bool))):
            raise fail("ValueError", "invalid nargs value")
        default = kwargs.get("default", _ACTIONS[action])
        if action == "help":
            default = SUPPRESS
        required = bool(kwargs.get("required", positional and nargs not in ("?", "*")))
        metavar = kwargs.get("metavar")
        if metavar is not None:
            metavar = tuple(map(display, metavar)) if isinstance(metavar, tuple) else display(
                metavar)
        const = kwargs.get("version") if action == "version" else kwargs.get("const")
        choices = kwargs.get("choices")
        if choices is not None and (not hasattr(choices, "__len__") or len(choices) > MAX_CHOICES):
            raise BudgetError(f"an argument's choices are a container of at most "
                              f"{MAX_CHOICES:,} here")
        self._count()
        self.options.append(_Option(
            tuple(flags), dest, default, kwargs.get("type"), action, required, positional,
            choices, nargs, help_.help_text(const) if action == "version"
            else const, help_.help_text(kwargs.get("help")), metavar, group))

    def _count(self) -> None:
        if len(self.options) >= MAX_OPTIONS:
            raise BudgetError(f"a parser with over {MAX_OPTIONS} arguments is over the limit")

    # -- parsing -------------------------------------------------------------------------------

    def _parse(self, m: Machine, th: Thread, argv: list[Any]) -> tuple[dict[str, Any],
                                                                        list[Any]]:
        """`argv` read left to right as CPython's parser reads it: `--opt value`,
        `--opt=value`, flags, counts, appends; then the positional arguments in order, a
        subcommand taking the rest of the line."""
        values = {o.dest: o.default for o in self.options if o.action not in (
            "help", "version", "parsers") and not (o.default == SUPPRESS)}
        if self.subparsers is not None and self.subparsers.dest is not None:
            values[self.subparsers.dest] = None
        for dest, value in self.defaults.items():
            values[dest] = value
        seen: list[_Option] = []
        loose: list[Any] = []
        rest: list[Any] = []
        commanded = False
        before = [o for o in self.options[:self._parsers_at()] if o.positional]
        least = sum(_least(o.nargs) for o in before)
        most = sum(_most(o.nargs) for o in before)
        i = 0
        while i < len(argv):
            arg = argv[i]
            i += 1
            if self.subparsers is not None and not _is_flag(arg) and (
                    len(loose) >= most or len(loose) >= least and self.subparsers.find(arg)):
                self._command(m, th, arg, argv[i:], values, rest)
                commanded = True
                break
            flag, eq, attached = arg.partition("=") if isinstance(arg, str) and arg.startswith(
                "--") else (arg, "", "")
            if self.add_help and flag in ("-h", "--help"):
                _print(m, help_.formatted(self, "help"), None)
                raise Thrown(SimException("SystemExit", (0,)))
            option = self._option(flag)
            if option is None and _is_flag(arg) and not arg.startswith("--") and len(arg) > 2:
                option = self._option(arg[:2])  # `-vv`, `-n4`: CPython's short clusters
                if option is not None and option.action in _NO_VALUE:
                    argv = [*argv[:i], "-" + arg[2:], *argv[i:]]
                elif option is not None:
                    eq, attached = "=", arg[2:]
            if option is None:
                loose.append(arg)
                continue
            seen.append(option)
            i = self._take(m, th, option, values, argv, i, attached if eq else None)
        self._positionals(m, th, values, loose, rest, commanded)
        for option in self.options:
            if option not in seen and isinstance(option.default, str) and (
                    option.type is not None and not option.positional):
                values[option.dest] = self._convert(m, th, option, option.default)
        self._check_groups(m, seen)
        missing = [_name(o) for o in self.options
                   if o.required and not o.positional and o not in seen]
        if missing:
            self._fail(m, "the following arguments are required: " + ", ".join(missing))
        return values, rest

    def _option(self, flag: Any) -> _Option | None:
        return next((o for o in self.options if not o.positional and flag in o.flags), None)

    def _parsers_at(self) -> int:
        return next((i for i, o in enumerate(self.options) if o.action == "parsers"),
                    len(self.options))

    def _take(self, m: Machine, th: Thread, option: _Option, values: dict[str, Any],
              argv: list[Any], i: int, attached: str | None) -> int:
        """One option met on the line: its value(s) taken after it; where the line goes on."""
        action = option.action
        if action == "version":
            _print(m, help_.formatted(self, display(option.const)), None)
            raise Thrown(SimException("SystemExit", (0,)))
        if action in ("store_true", "store_false"):
            values[option.dest] = action == "store_true"
        elif action == "count":
            values[option.dest] = (values[option.dest] or 0) + 1
        elif action == "store_const":
            values[option.dest] = option.const
        elif action == "append_const":
            values[option.dest] = [*(values[option.dest] or []), option.const]
        else:
            words = [attached] if attached is not None else []
            if attached is None:
                while i < len(argv) and not _is_flag(argv[i]) and _more(option.nargs, words):
                    words.append(argv[i])
                    i += 1
            if len(words) < _least(option.nargs):
                expected = {None: "expected one argument", "+": "expected at least one "
                            "argument"}.get(option.nargs, f"expected {option.nargs} arguments")
                self._fail(m, f"argument {_name(option)}: {expected}")
            value = self._values(m, th, option, words)
            values[option.dest] = [*(values[option.dest] or []), value] if (
                action == "append") else value
        return i

    def _values(self, m: Machine, th: Thread, option: _Option, words: list[Any]) -> Any:
        if option.nargs is None:
            return self._convert(m, th, option, words[0])
        if option.nargs == "?":
            if not words:
                return option.default if option.positional else option.const
            return self._convert(m, th, option, words[0])
        if not words and option.nargs == "*" and option.default is not None:
            return option.default
        return [self._convert(m, th, option, w) for w in words]

    def _command(self, m: Machine, th: Thread, command: Any, after: list[Any],
                 values: dict[str, Any], rest: list[Any]) -> None:
        """The subcommand's parser reads the rest of the line into the same namespace."""
        sub = self.subparsers
        assert sub is not None
        parser = sub.find(command)
        if parser is None:
            choices = ", ".join(represent(n) for n in sub.names())
            self._fail(m, f"argument {_subparsers_name(sub)}: invalid choice: "
                          f"{represent(command)} (choose from {choices})")
        if sub.dest is not None:
            values[sub.dest] = command
        more, left = parser._parse(m, th, after)
        values.update(more)
        rest.extend(left)

    def _positionals(self, m: Machine, th: Thread, values: dict[str, Any],
                     loose: list[Any], rest: list[Any], commanded: bool) -> None:
        """The positional arguments take the words no option took, in order, each as many
        as its `nargs` lets it while leaving the later ones theirs; a word left over, or one
        starting with '-', is unrecognized."""
        words = [w for w in loose if not _is_flag(w)]
        unknown = [w for w in loose if _is_flag(w)]
        taking = [o for o in self.options if o.positional and o.action != "parsers"]
        missing = []
        for n, option in enumerate(taking):
            later = sum(_least(o.nargs) for o in taking[n + 1:])
            count = min(len(words) - later, 1 if option.nargs in (None, "?") else (
                option.nargs if isinstance(option.nargs, int) else len(words)))
            if count < _least(option.nargs):
                if option.required:
                    missing.append(_name(option))
                continue
            values[option.dest] = self._values(m, th, option, words[:max(count, 0)])
            del words[:max(count, 0)]
        sub = self.subparsers
        if sub is not None and sub.required and not commanded:
            missing.append(_subparsers_name(sub))
        if missing:
            self._fail(m, "the following arguments are required: " + ", ".join(missing))
        rest.extend(unknown + words)

    def _check_groups(self, m: Machine, seen: list[_Option]) -> None:
        """A mutually exclusive group's options, one at most; one if it is required."""
        for index, group in enumerate(self.groups):
            if not group.exclusive:
                continue
            used = [o for o in seen if o.group == index]
            if len(used) > 1:
                self._fail(m, f"argument {_name(used[1])}: not allowed with argument "
                              f"{_name(used[0])}")
            if group.required and not used:
                names = " ".join(_name(o) for o in self.options if o.group == index)
                self._fail(m, f"one of the arguments {names} is required")

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
                self._fail(m, f"argument {_name(option)}: invalid {name} value: "
                              f"{represent(text)}")
        if option.choices is not None and value not in option.choices:
            choices = ", ".join(represent(c) for c in option.choices)
            self._fail(m, f"argument {_name(option)}: invalid choice: "
                          f"{represent(value)} (choose from {choices})")
        return value

    def _fail(self, m: Machine, message: str) -> NoReturn:
        m.write([help_.formatted(self, "usage"), f"{self.prog}: error: {message}\n"],
                "stderr")
        raise Thrown(SimException("SystemExit", (2,)))


class Group(LibraryObject):
    """An argument group, or a mutually exclusive one: its `add_argument` adds to the
    parser, in the group."""

    __slots__ = ("parser", "index")
    METHODS = frozenset({"add_argument", "add_argument_group",
                         "add_mutually_exclusive_group"})

    def __init__(self, parser: Parser, index: int | None) -> None:
        self.parser, self.index = parser, index

    def __repr__(self) -> str:
        return "_ArgumentGroup(...)"

    def call_in(self, m: Machine, th: Thread, name: str, args: list[Any],
                kwargs: dict[str, Any]) -> Any:
        parser = self.parser
        if name == "add_argument":
            return parser.add(args, kwargs, self.index)
        if len(parser.groups) >= MAX_OPTIONS:
            raise BudgetError(f"a parser with over {MAX_OPTIONS} groups is over the limit")
        if name == "add_argument_group":
            title = args[0] if args else kwargs.get("title")
            said = args[1] if len(args) > 1 else kwargs.get("description")
            parser.groups.append(_Group(help_.help_text(title), help_.help_text(said), False,
                                        False, None))
        else:
            required = args[0] if args else kwargs.get("required", False)
            parser.groups.append(_Group(None, None, True, bool(required), self.index))
        return Group(parser, len(parser.groups) - 1)


def _least(nargs: Any) -> int:
    """The fewest words an argument of this `nargs` takes."""
    if nargs in ("?", "*"):
        return 0
    return nargs if isinstance(nargs, int) else 1


def _most(nargs: Any) -> float:
    """The most words an argument of this `nargs` takes."""
    if nargs in ("*", "+"):
        return float("inf")
    return nargs if isinstance(nargs, int) else 1


def _more(nargs: Any, words: list[Any]) -> bool:
    """Whether an option of this `nargs` takes another word after `words`."""
    if nargs in ("*", "+"):
        return True
    return len(words) < (nargs if isinstance(nargs, int) else 1)


def _is_flag(word: Any) -> bool:
    return isinstance(word, str) and word.startswith("-") and word != "-"


def _name(option: _Option) -> str:
    """CPython's `_get_action_name`: the flags, or the metavar or destination."""
    if not option.positional:
        return "/".join(option.flags)
    if option.metavar is not None:
        return option.metavar if isinstance(option.metavar, str) else option.metavar[0]
    return option.dest


def _subparsers_name(sub: Subparsers) -> str:
    if sub.metavar is not None:
        return display(sub.metavar)
    if sub.dest is not None:
        return display(sub.dest)
    return "{" + ",".join(sub.names()) + "}"


def _print(m: Machine, text: str, file: Any) -> None:
    """`print_help(file)`: to stdout by default, or to sys.stderr or a file of the run's."""
    if isinstance(file, File):
        file.call(m, "write", [text], {})
    else:
        m.write([text], file.stream if isinstance(file, Stream) else "stdout")


def _parser(m: Machine, th: Thread, *args: Any, **kwargs: Any) -> Parser:
    names = ("prog", "usage", "description", "epilog", "parents", "formatter_class")
    return Parser(m, {**dict(zip(names, args, strict=False)), **kwargs})


def _formatter(name: str) -> Builtin:
    """A formatter class, to pass as `formatter_class=` (it cannot be called here)."""
    def refuse(m: Machine, th: Thread, *args: Any, **kwargs: Any) -> None:
        raise fail("TypeError", f"argparse.{name} is for formatter_class= only here")
    return Builtin(name, refuse, module="argparse")


TABLE: dict[str, Any] = {
    "ArgumentParser": Builtin("ArgumentParser", _parser, module="argparse"),
    "Namespace": Builtin("Namespace", lambda m, th, **kw: Namespace(dict(kw)),
                         module="argparse"),
    "SUPPRESS": SUPPRESS,
    **{name: _formatter(name) for name in help_.FORMATTERS},
}
