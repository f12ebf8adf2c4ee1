"""`io`: `StringIO`, text kept in memory, which a program writes to (`print(..., file=buf)`,
`buf.write(...)`) and reads back (`getvalue()`, `read()`, `readline()` after a `seek`), as
CPython's: writing at the position overwrites, a closed buffer refuses every call with
`ValueError: I/O operation on closed file`. Its text is at most the items budget long.
Files are not simulated: `io.open` and the other streams are refused at compile time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..builtin import Builtin
from ..errors import BudgetError
from ..values import LibraryObject, fail, type_name

if TYPE_CHECKING:
    from ..machine import Machine, Thread

HINT = ("Supported from io: StringIO (write, writelines, getvalue, read, readline, readlines, "
        "seek, tell, close, with); files are not simulated.")


class StringIO(LibraryObject):
    """`io.StringIO(initial)`: its text, the position reads and writes start at, and
    whether it is closed."""

    __slots__ = ("text", "pos", "closed")
    METHODS = frozenset({"write", "writelines", "getvalue", "read", "readline", "readlines",
                         "seek", "tell", "close", "flush", "truncate", "__enter__",
                         "__exit__"})
    ATTRIBUTES = frozenset({"closed"})
    type_name = "_io.StringIO"

    def __init__(self, text: str = "") -> None:
        self.text, self.pos, self.closed = text, 0, False

    def __repr__(self) -> str:
        return "<_io.StringIO object>"

    def attribute(self, name: str) -> Any:
        return self.closed

    def write(self, m: Machine, text: str) -> int:
        """Write at the position (past the end, the gap is NULs, as CPython's)."""
        limit = m.program.budgets.items
        end = max(len(self.text), self.pos + len(text))
        if end > limit:
            raise BudgetError(f"a StringIO of {end:,} characters is over the limit of "
                              f"{limit:,} items")
        before = self.text[:self.pos].ljust(self.pos, "\0")
        self.text = before + text + self.text[self.pos + len(text):]
        self.pos += len(text)
        return len(text)

    def call(self, m: Machine, name: str, args: list[Any], kwargs: dict[str, Any]) -> Any:
        if kwargs:
            raise fail("TypeError", f"StringIO.{name}() takes no keyword arguments")
        if name == "__exit__":
            self.closed = True
            return None
        if self.closed:
            raise fail("ValueError", "I/O operation on closed file")
        if name in ("write", "writelines"):
            return self._write(m, name, args)
        if name in ("read", "readline", "readlines", "seek", "truncate"):
            return self._at(name, _one_int(name, args))
        if args:
            raise fail("TypeError", f"StringIO.{name}() takes no arguments "
                                    f"({len(args)} given)")
        if name == "close":
            self.closed = True
            return None
        if name == "getvalue":
            return self.text
        if name == "tell":
            return self.pos
        return self if name == "__enter__" else None  # flush

    def _write(self, m: Machine, name: str, args: list[Any]) -> Any:
        if len(args) != 1:
            raise fail("TypeError", f"StringIO.{name}() takes exactly one argument "
                                    f"({len(args)} given)")
        if name == "write":
            if not isinstance(args[0], str):
                raise fail("TypeError", f"string argument expected, got "
                                        f"'{type_name(args[0])}'")
            return self.write(m, args[0])
        for line in args[0] if isinstance(args[0], list | tuple) else ():
            if not isinstance(line, str):
                raise fail("TypeError", f"string argument expected, got '{type_name(line)}'")
            self.write(m, line)
        return None

    def _at(self, name: str, size: int | None) -> Any:
        """The calls that read from the position, move it or cut the text there."""
        rest = self.text[self.pos:]
        if name == "seek":
            if size is None or size < 0:
                raise fail("ValueError", f"Negative seek position {size}")
            self.pos = size
            return size
        if name == "truncate":
            self.text = self.text[:self.pos if size is None else size]
            return len(self.text) if size is None else size
        if name == "readlines":
            self.pos = len(self.text)
            return rest.splitlines(keepends=True)
        if name == "readline":
            newline = rest.find("\n")
            rest = rest if newline < 0 else rest[:newline + 1]
        if size is not None and size >= 0:
            rest = rest[:size]
        self.pos += len(rest)
        return rest


def _one_int(name: str, args: list[Any]) -> int | None:
    if len(args) > 1:
        raise fail("TypeError", f"StringIO.{name}() takes at most 1 argument "
                                f"({len(args)} given)")
    if not args or args[0] is None:
        return None
    if not isinstance(args[0], int):
        raise fail("TypeError", f"'{type_name(args[0])}' object cannot be interpreted as an "
                                f"integer")
    return args[0]


def _string_io(m: Machine, th: Thread, initial_value: Any = "", newline: Any = "\n"
               ) -> StringIO:
    if initial_value is None:
        initial_value = ""
    if not isinstance(initial_value, str):
        raise fail("TypeError", f"initial_value must be str or None, not "
                                f"{type_name(initial_value)}")
    if len(initial_value) > m.program.budgets.items:
        raise BudgetError("a StringIO's initial text is over the limit of items")
    return StringIO(initial_value)


TABLE: dict[str, Any] = {"StringIO": Builtin("StringIO", _string_io, module="io")}
