"""How an `ArgumentParser` shows itself (`print_help`, `format_usage`, an error's usage line):
CPython's own `HelpFormatter` (the host's argparse, with 3.13's `-s, --long ARG`), given a
mirror of the program's parser made of text only.

The mirror holds the program's strings, and in place of its other values their text (a
default shows as the program's `str` and `repr` of it): nothing of the program's reaches the
host but text, and a help text's `%`-conversions may not ask for a large width. The width
is 78 columns, what CPython gives a program whose output is not a terminal.
"""

from __future__ import annotations

import argparse as host
import re
from typing import TYPE_CHECKING, Any

from ..values import display, fail, represent

if TYPE_CHECKING:
    from .argparse import Parser

#: CPython's `shutil.get_terminal_size()` without a terminal (80), less 2.
WIDTH = 78
#: The widest `%10s` a help text may ask for.
MAX_FIELD = 200
_CONVERSION = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d*)(?:\.(\*|\d*))?")


class _Shown:
    """A program's value, as the help shows it (`%(default)s`, `%(default)r`)."""

    __slots__ = ("text", "rep")

    def __init__(self, value: Any) -> None:
        self.text, self.rep = display(value), represent(value)

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return self.rep


def shown(value: Any) -> Any:
    """The value itself if it is host text or a number, else its `_Shown`."""
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return _Shown(value)


def help_text(value: Any) -> Any:
    """A help, description or usage text, checked: its conversions' widths are bounded."""
    if value is None or value == host.SUPPRESS:
        return value
    text = display(value)
    for found in _CONVERSION.finditer(text):
        for field in found.groups():
            if field == "*" or field and int(field) > MAX_FIELD:
                raise fail("ValueError", f"a help text's field width over {MAX_FIELD} is over "
                                         f"the limit here")
    return text


class _Invocation313:
    """CPython 3.13's invocation of an option that takes a value: `-n, --num N` (3.11's
    repeats the metavar), and a fixed width."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None) -> None:
        super().__init__(prog, indent_increment, max_help_position,  # type: ignore[call-arg]
                         WIDTH if width is None else width)

    def _format_action_invocation(self, action: host.Action) -> str:
        if not action.option_strings or action.nargs == 0:
            return super()._format_action_invocation(action)  # type: ignore[misc, no-any-return]
        default = self._get_default_metavar_for_optional(action)  # type: ignore[attr-defined]
        args = self._format_args(action, default)  # type: ignore[attr-defined]
        return ", ".join(action.option_strings) + " " + str(args)


#: The formatter classes a program may name, by name.
FORMATTERS: dict[str, type] = {
    name: type(name, (_Invocation313, getattr(host, name)), {}) for name in (
        "HelpFormatter", "RawDescriptionHelpFormatter", "RawTextHelpFormatter",
        "ArgumentDefaultsHelpFormatter")}


def mirror(parser: Parser) -> host.ArgumentParser:
    """The host parser that shows as `parser` does (with its subcommands)."""
    made = host.ArgumentParser(prog=parser.prog, **_settings(parser))
    _fill(made, parser)
    return made


def _settings(parser: Parser) -> dict[str, Any]:
    return {"usage": parser.usage, "description": parser.description,
            "epilog": parser.epilog, "formatter_class": FORMATTERS[parser.formatter],
            "add_help": parser.add_help, "allow_abbrev": False}


def _fill(made: host.ArgumentParser, parser: Parser) -> None:
    groups: list[Any] = []
    for group in parser.groups:
        if group.exclusive:
            into = groups[group.within] if group.within is not None else made
            groups.append(into.add_mutually_exclusive_group(required=group.required))
        else:
            groups.append(made.add_argument_group(group.title, group.description))
    for option in parser.options:
        if option.action == "parsers":
            _add_parsers(made, parser)
            continue
        into = made if option.group is None else groups[option.group]
        kwargs: dict[str, Any] = {"action": option.action, "help": option.help}
        if option.action not in ("store_true", "store_false", "count", "help", "version"):
            kwargs.update(nargs=option.nargs, metavar=option.metavar,
                          choices=None if option.choices is None else [
                              shown(c) for c in option.choices])
        if option.action in ("store_const", "append_const"):
            kwargs["const"] = shown(option.const)
        if option.action == "version":
            kwargs["version"] = option.const
        if option.action != "help":
            kwargs["default"] = shown(option.default)
        if not option.positional:
            kwargs["dest"] = option.dest
            if option.action not in ("help", "version"):
                kwargs["required"] = option.required
        into.add_argument(*(option.flags if not option.positional else (option.dest,)),
                          **{k: v for k, v in kwargs.items() if v is not None or k == "default"})


def _add_parsers(made: host.ArgumentParser, parser: Parser) -> None:
    sub = parser.subparsers
    assert sub is not None
    kwargs = {"title": sub.title, "description": sub.description, "help": sub.help,
              "metavar": sub.metavar, "dest": sub.dest, "required": sub.required}
    action = made.add_subparsers(**{k: v for k, v in kwargs.items() if v is not None})
    for name, aliases, help_, child in sub.parsers:
        extra = {"help": help_} if help_ is not None else {}
        _fill(action.add_parser(name, aliases=aliases, **extra, **_settings(child)), child)


def subcommand_prog(parser: Parser) -> str:
    """CPython's prefix of a subcommand's prog: the parser's usage up to its subcommands
    (its prog and the positional arguments before them)."""
    made = mirror(parser)
    formatter = made._get_formatter()
    formatter.add_usage(made.usage, made._get_positional_actions(),
                        made._mutually_exclusive_groups, "")
    return formatter.format_help().strip()


def formatted(parser: Parser, what: str) -> str:
    """`format_help()`, `format_usage()`, or the version text of the parser."""
    made = mirror(parser)
    try:
        if what == "help":
            return made.format_help()
        if what == "usage":
            return made.format_usage()
        formatter = made._get_formatter()
        formatter.add_text(what)
        return formatter.format_help()
    except (KeyError, ValueError, TypeError) as e:  # a help text's `%(nonesuch)s`
        raise fail(type(e).__name__, str(e)) from None
