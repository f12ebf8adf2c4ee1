"""`logging`'s handlers, formatters and records (CPython 3.13's Lib/logging/__init__.py): how a
record is made, formatted and written to the program's stderr.

A Handler here is a `StreamHandler` on stderr (the only stream a program can name: there is no
`sys`) or a `NullHandler`; a Formatter is a %-style format and a date format. A record's time
is the virtual clock's (stdlib/time.py), in UTC; its thread the calling thread; its
`relativeCreated` counts from the program's start, when logging is imported in the programs
we run.
"""

from __future__ import annotations

import re
import time as host
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from ..calls import get_attribute
from ..classes import MISSING, Instance, UserClass
from ..errors import BudgetError
from ..formatting import format_method, percent
from ..machine import EPOCH_NS, PID, reported, showing
from ..nested import call_now
from ..tracebacks import lines
from ..values import LibraryObject, SimException, Thrown, display, fail, quoted, type_name
from .io import File, open_file, rename_file
from .sys import Stream
from .time import check_format

if TYPE_CHECKING:
    from ..machine import Machine, Thread

LEVELS = {"CRITICAL": 50, "FATAL": 50, "ERROR": 40, "WARNING": 30, "WARN": 30, "INFO": 20,
          "DEBUG": 10, "NOTSET": 0}
NAMES = {50: "CRITICAL", 40: "ERROR", 30: "WARNING", 20: "INFO", 10: "DEBUG", 0: "NOTSET"}
_DEFAULT_TIME = "%Y-%m-%d %H:%M:%S"
#: PercentStyle.validation_pattern: a format must use at least one field.
_BRACE_FIELD = re.compile(r"\{\w+")
_FIELD = re.compile(r"%\(\w+\)[#0+ -]*(\*|\d+)?(\.(\*|\d+))?[diouxefgcrsa%]", re.I)


def check_level(level: Any) -> int:
    """`logging._checkLevel`."""
    if isinstance(level, int) and not isinstance(level, bool):
        return level
    if isinstance(level, str):
        if level not in LEVELS:
            raise fail("ValueError", f"Unknown level: {quoted(level)}")
        return LEVELS[level]
    raise fail("TypeError", f"Level not an integer or a valid string: {quoted(level)}")


def level_name(level: int) -> str:
    return NAMES.get(level, f"Level {level}")


class Formatter(LibraryObject):
    """`logging.Formatter(fmt=None, datefmt=None, style='%', validate=True)`."""

    __slots__ = ("fmt", "datefmt", "style")
    METHODS = frozenset({"format"})

    def __init__(self, fmt: Any = None, datefmt: Any = None, style: Any = "%",
                 validate: Any = True) -> None:
        if style not in ("%", "{", "$"):
            raise fail("ValueError", "Style must be one of: %,{,$")
        if style == "$":
            raise fail("ValueError", "only style='%' and style='{' are supported")
        fmt = ("%(message)s" if style == "%" else "{message}") if fmt is None else fmt
        if not isinstance(fmt, str):
            raise fail("TypeError", f"expected string or bytes-like object, got "
                                    f"'{type_name(fmt)}'")
        if validate and not (_FIELD if style == "%" else _BRACE_FIELD).search(fmt):
            raise fail("ValueError", f"Invalid format '{fmt}' for '{style}' style")
        if datefmt is not None:
            check_format(datefmt)
        self.fmt = fmt
        self.datefmt = datefmt
        self.style = style

    def __repr__(self) -> str:
        return "<logging.Formatter object>"

    def call_in(self, m: Machine, th: Thread, name: str, args: list[Any],
                kwargs: dict[str, Any]) -> Any:
        """`format(record)`, which a program's handler calls (`self.format(record)`): the
        record's `message` (and `asctime`) are set on it, as CPython's are."""
        if len(args) != 1 or kwargs or not isinstance(args[0], Instance):
            raise fail("TypeError", "Formatter.format() takes a LogRecord")
        fields = args[0].attrs
        return format_record(m, th, fields, self, fields.get("exc_info")) or ""


#: CPython's `lastResort`: a handler at WARNING with the bare message.
_LAST_RESORT = Formatter()


class Handler(LibraryObject):
    """`logging.StreamHandler(stream)` (to the program's stderr, its stdout:
    `StreamHandler(sys.stdout)`, or a file or StringIO of its own), `logging.FileHandler(name,
    mode='a')` (a file of the run's, io.py) or `logging.NullHandler()` (writes nothing)."""

    __slots__ = ("kind", "level", "formatter", "stream", "filters", "rotate")
    METHODS = frozenset({"setLevel", "setFormatter", "close", "flush", "addFilter",
                         "removeFilter", "handle"})
    ATTRIBUTES = frozenset({"level", "formatter", "filters"})

    def __init__(self, kind: str, stream: str | File = "stderr") -> None:
        self.kind = kind
        self.level = 0
        #: Ours, or an object of a program's Formatter subclass (log_classes.py).
        self.formatter: Any = None
        self.stream = stream
        #: Filters (a program's Filter objects or functions: log_classes.py).
        self.filters: list[Any] = []
        #: A RotatingFileHandler's (maxBytes, backupCount).
        self.rotate: tuple[int, int] | None = None

    def __repr__(self) -> str:
        where = ""
        if self.kind != "NullHandler":
            where = f" {self.stream.name}" if isinstance(self.stream, File) else (
                f" <{self.stream}>")
        return f"<{self.kind}{where} ({level_name(self.level)})>"

    def attribute(self, name: str) -> Any:
        return {"level": self.level, "formatter": self.formatter,
                "filters": list(self.filters)}[name]

    def handle_record(self, m: Machine, th: Thread, fields: dict[str, Any],
                      record: Callable[[], Instance]) -> None:
        """The record (its fields, and `record()` its LogRecord object for a program's
        filter or formatter) formatted and written, if its level and filters let it."""
        if self.kind == "NullHandler" or fields["levelno"] < self.level:
            return
        rec = None
        if self.filters:
            rec = record()
            if not passes(m, th, self.filters, rec):
                return
            fields = rec.attrs
        if isinstance(self.formatter, Instance):  # a program's Formatter
            text: str | None = display(formatted(m, th, self.formatter, rec or record()),
                                       m.program.budgets.output)
        else:
            text = format_record(m, th, dict(fields), self.formatter, fields.get("exc_info"))
        if text is not None:
            self.write(m, text)

    def write(self, m: Machine, text: str) -> None:
        """A formatted record to the stream; a RotatingFileHandler first rolls its file over
        when the record would make it `max_bytes` long (CPython's `shouldRollover`)."""
        if self.rotate is not None and isinstance(self.stream, File):
            max_bytes, backups = self.rotate
            if max_bytes > 0 and self.stream.size() + len(text) + 1 >= max_bytes:
                self.stream = roll_over(m, self.stream, backups)
        write_line(m, text, self.stream)

    def call_in(self, m: Machine, th: Thread, name: str, args: list[Any],
                kwargs: dict[str, Any]) -> Any:
        if name == "handle":  # `handler.handle(record)`: a QueueListener's
            if len(args) != 1 or not isinstance(args[0], Instance):
                raise fail("TypeError", "Handler.handle() takes a LogRecord")
            record = args[0]
            self.handle_record(m, th, record.attrs, lambda: record)
            return True
        return self.call(m, name, args, kwargs)

    def call(self, m: Machine, name: str, args: list[Any], kwargs: dict[str, Any]) -> Any:
        if name in ("addFilter", "removeFilter"):
            change_filters(self.filters, name, args)
            return None
        if name in ("close", "flush"):
            if name == "close" and isinstance(self.stream, File):
                self.stream.call(m, "close", [], {})
            return None
        param = "level" if name == "setLevel" else "fmt"
        values = [*args, kwargs.pop(param)] if param in kwargs else list(args)
        if kwargs:
            raise fail("TypeError", f"Handler.{name}() got an unexpected keyword argument "
                                    f"'{next(iter(kwargs))}'")
        if len(values) != 1:
            raise fail("TypeError", f"Handler.{name}() missing 1 required positional "
                                    f"argument: '{param}'" if not values else
                       f"Handler.{name}() takes 2 positional arguments but "
                       f"{len(values) + 1} were given")
        (value,) = values
        if name == "setLevel":
            self.level = check_level(value)
        elif value is None or isinstance(value, Formatter) or derives(value, "Formatter"):
            self.formatter = value
        else:
            raise fail("TypeError", "setFormatter() needs a logging.Formatter (Interleave "
                                    "supports no other formatter)")
        return None


def derives(obj: Any, name: str) -> bool:
    """Whether `obj` is an object of a class deriving from the written `logging.<name>`
    (log_classes.py)."""
    return isinstance(obj, Instance) and any(
        isinstance(c, UserClass) and c.name == name and c.attrs.get("__module__") == "logging"
        for c in obj.cls.mro)


def passes(m: Machine, th: Thread, filters: list[Any], record: Instance) -> bool:
    """`Filterer.filter`: each filter (an object with `filter`, or a function) in turn; the
    first that answers falsy drops the record."""
    for f in filters:
        has_method = isinstance(f, Instance) and f.cls.lookup("filter") is not MISSING
        if not call_now(m, th, get_attribute(m, th, f, "filter") if has_method else f,
                        [record]):
            return False
    return True


def formatted(m: Machine, th: Thread, formatter: Instance, record: Instance) -> Any:
    """A program's Formatter's `format(record)`."""
    return call_now(m, th, get_attribute(m, th, formatter, "format"), [record])


def change_filters(filters: list[Any], name: str, args: list[Any]) -> None:
    """`addFilter(f)` (once) or `removeFilter(f)` on a logger's or a handler's filters."""
    if len(args) != 1:
        raise fail("TypeError", f"{name}() takes exactly one argument ({len(args)} given)")
    if name == "addFilter" and args[0] not in filters:
        filters.append(args[0])
    elif name == "removeFilter" and args[0] in filters:
        filters.remove(args[0])


def stream_of(stream: Any) -> str | File:
    """Where a handler writes: `sys.stdout`, `sys.stderr` (None) or a file of the program's."""
    if stream is None:
        return "stderr"
    if isinstance(stream, File):
        return stream
    if not isinstance(stream, Stream):
        raise fail("ValueError", "a handler writes to sys.stdout, sys.stderr, a file or a "
                                 "StringIO")
    return stream.stream


def stream_handler(m: Machine, th: Thread, stream: Any = None) -> Handler:
    return Handler("StreamHandler", stream_of(stream))


def file_handler(m: Machine, th: Thread, filename: Any, mode: Any = "a", encoding: Any = None,
                 delay: Any = False, errors: Any = None) -> Handler:
    """`logging.FileHandler(filename, mode='a')`: the file opened at once."""
    return Handler("FileHandler", open_file(m, th, filename, mode))


def rotating_handler(m: Machine, th: Thread, filename: Any, mode: Any = "a",
                     maxBytes: Any = 0, backupCount: Any = 0, encoding: Any = None,
                     delay: Any = False, errors: Any = None) -> Handler:
    """`logging.handlers.RotatingFileHandler(filename, mode, maxBytes, backupCount)`."""
    for name, value in (("maxBytes", maxBytes), ("backupCount", backupCount)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise fail("TypeError", f"{name} must be an integer")
    handler = Handler("RotatingFileHandler", open_file(m, th, filename,
                                                       "a" if maxBytes > 0 else mode))
    handler.rotate = (maxBytes, backupCount)
    return handler


def roll_over(m: Machine, f: File, backups: int) -> File:
    """`RotatingFileHandler.doRollover`: `app.log.1` … `.N` move up one (the last is
    dropped), the log becomes `.1`, and a new, empty log is opened."""
    name = f.name
    f.call(m, "close", [], {})
    if backups > 0:
        for i in range(backups - 1, 0, -1):
            rename_file(m, f"{name}.{i}", f"{name}.{i + 1}")
        rename_file(m, name, f"{name}.1")
    return open_file(m, m.threads[0], name, "w")  # (it uses no thread)


# -- records -----------------------------------------------------------------------------------


def _caller(th: Thread) -> tuple[str, int]:
    """The function and line of the program's that called the logger (the call's instruction
    has not moved on yet), past the library's written code (a LoggerAdapter's, at line 0), as
    CPython's `findCaller` skips logging's own frames."""
    for f in reversed(th.frames):
        line = f.code.instrs[f.pc].line
        if line:
            return f.code.name, line
    f = th.frames[-1]
    return f.code.name, 0


def handled(th: Thread) -> SimException | None:
    """The exception the thread is handling (`except` keeps it in a hidden local): the
    innermost frame's that handles one, as CPython's `sys.exc_info()` sees a caller's too."""
    for frame in reversed(th.frames):
        found = None
        for name, value in frame.locals.items():
            if name.startswith(".exc") and isinstance(value, SimException):
                found = value
        if found is not None:
            return found
    return None


def record(m: Machine, th: Thread, name: str, level: int, msg: Any, args: tuple[Any, ...],
           extra: Any) -> dict[str, Any]:
    """A LogRecord's attributes, which a format's fields name (`message` and `asctime` are
    added as it is formatted)."""
    ct = EPOCH_NS + m.clock
    function, line = _caller(th)
    filename = m.program.filename
    fields = {
        "name": name, "msg": msg, "args": args, "levelname": level_name(level),
        "levelno": level, "pathname": filename, "filename": filename,
        "module": filename.rpartition(".")[0] or filename, "exc_info": None, "exc_text": None,
        "stack_info": None, "lineno": line, "funcName": function, "created": ct / 1e9,
        "msecs": (ct % 1_000_000_000) // 1_000_000 + 0.0, "relativeCreated": m.clock / 1e6,
        "thread": th.tid, "threadName": th.name, "processName": "MainProcess",
        "process": PID, "taskName": None,
    }
    if isinstance(extra, dict):
        for key, value in extra.items():
            if key in ("message", "asctime") or key in fields:
                raise fail("KeyError", f"Attempt to overwrite {quoted(key)} in LogRecord")
            fields[key] = value
    return fields


def message(msg: Any, args: tuple[Any, ...], budgets: Any) -> str:
    """`LogRecord.getMessage`: `str(msg) % args`, a lone non-empty dict as the mapping."""
    text = display(msg, budgets.output)
    if not args:
        return text
    values: Any = args[0] if len(args) == 1 and isinstance(args[0], dict) and args[0] else args
    return percent(text, values, budgets)


def emit(m: Machine, th: Thread, fields: dict[str, Any], formatter: Formatter | None,
         exc_info: Any, stream: str | File = "stderr") -> None:
    """`StreamHandler.emit`: the record formatted, and a newline, written to `stream`."""
    text = format_record(m, th, fields, formatter, exc_info)
    if text is not None:
        write_line(m, text, stream)


def write_line(m: Machine, text: str, stream: str | File) -> None:
    """A formatted record, and a newline, to the handler's stream."""
    if isinstance(stream, File):  # a StreamHandler flushes after each record
        stream.call(m, "write", [text + "\n"], {})
    else:
        m.write([text, "\n"], stream)


def format_record(m: Machine, th: Thread, fields: dict[str, Any], formatter: Formatter | None,
                  exc_info: Any) -> str | None:
    """`Formatter.format`: the record's text, the traceback of the exception being handled
    after it when `exc_info`. A message that cannot be formatted is reported (on stderr) as
    CPython's `handleError` does, and the run goes on: None."""
    budgets = m.program.budgets
    fmt = formatter or _LAST_RESORT
    try:
        fields["message"] = showing(m, th, message, fields["msg"], fields["args"], budgets)
        if "%(asctime)" in fmt.fmt or fmt.style == "{" and "{asctime" in fmt.fmt:
            fields["asctime"] = _asctime(fields, fmt.datefmt)
        try:
            if fmt.style == "{":
                text = format_method(fmt.fmt, "format_map", [fields], {}, budgets,
                                     partial(get_attribute, m, th))
            else:
                text = percent(fmt.fmt, fields, budgets)
        except Thrown as e:  # a field the record has not: CPython's ValueError
            if e.exc.type != "KeyError":
                raise
            raise Thrown(SimException("ValueError", (
                f"Formatting field not found in record: {e.exc.message}",))) from None
    except BudgetError:
        raise  # a limit, not the program's error
    except Exception as e:
        exc = getattr(e, "exc", None)
        error = str(exc) if isinstance(exc, SimException) else f"{type(e).__name__}: {e}"
        m.write(["--- Logging error ---\n", f"{error}\n", f"Message: {quoted(fields['msg'])}"
                 f"\nArguments: {quoted(fields['args'])}\n"], "stderr")
        return None
    if exc_info:
        exc = handled(th)
        text += "\n" + "".join(lines(m.program, exc and reported(exc))).rstrip("\n")
    return text


def _asctime(fields: dict[str, Any], datefmt: str | None) -> str:
    """`Formatter.formatTime` in UTC (the simulated process's time zone)."""
    when = host.gmtime(fields["created"])
    if datefmt:
        return host.strftime(datefmt, when)
    return f"{host.strftime(_DEFAULT_TIME, when)},{int(fields['msecs']):03d}"
