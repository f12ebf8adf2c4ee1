"""`logging`: loggers, levels, `basicConfig` and the %-style format of CPython 3.13's
Lib/logging/__init__.py, writing to the program's stderr (`Machine.write(..., "stderr")`).

What a program reaches: `getLogger(name)` (one Logger per name, `root` for none), the level
constants and names, `basicConfig(level, format, datefmt, style="%", force)`, the module's
`debug` … `critical`, `exception`, `log` (which, as in CPython, first call `basicConfig()`
when the root logger has no handler), and on a Logger those methods, `setLevel`,
`getEffectiveLevel`, `isEnabledFor`, `getChild`. There are no handlers of the program's own:
the root logger has basicConfig's one (stderr, its format), or none, and then a record at
WARNING or above is written as its bare message (CPython's `lastResort`).

Each log call is one step, as it takes the handler's lock in CPython. A record's time is the
virtual clock's (stdlib/time.py), its thread the calling thread; its `relativeCreated` counts
from the program's start, when logging is imported in the programs we run.
"""

from __future__ import annotations

import re
import time as host
from typing import TYPE_CHECKING, Any

from ..calls import Builtin
from ..formatting import percent
from ..machine import EPOCH_NS, PID
from ..values import LibraryObject, SimException, display, fail, quoted, type_name

if TYPE_CHECKING:
    from ..machine import Machine, Thread

HINT = ("Supported: getLogger, basicConfig(level=, format=, datefmt=, style='%', force=), "
        "debug, info, warning, error, exception, critical, log, getLevelName and the level "
        "constants; Logger methods of the same names, setLevel, getEffectiveLevel, "
        "isEnabledFor, getChild. Log lines go to stderr; handlers, files and Formatter "
        "objects are not supported.")

LEVELS = {"CRITICAL": 50, "FATAL": 50, "ERROR": 40, "WARNING": 30, "WARN": 30, "INFO": 20,
          "DEBUG": 10, "NOTSET": 0}
NAMES = {50: "CRITICAL", 40: "ERROR", 30: "WARNING", 20: "INFO", 10: "DEBUG", 0: "NOTSET"}
BASIC_FORMAT = "%(levelname)s:%(name)s:%(message)s"
_DEFAULT_TIME = "%Y-%m-%d %H:%M:%S"
#: PercentStyle.validation_pattern: a format must use at least one field.
_FIELD = re.compile(r"%\(\w+\)[#0+ -]*(\*|\d+)?(\.(\*|\d+))?[diouxefgcrsa%]", re.I)
_CONFIG = ("level", "format", "datefmt", "style", "force", "handlers", "stream", "filename",
           "filemode", "encoding", "errors")


class Logger(LibraryObject):
    """`logging.Logger`: a name and a level (0: NOTSET, its parent's applies)."""

    __slots__ = ("name", "level", "config")
    METHODS = frozenset({"debug", "info", "warning", "warn", "error", "exception", "critical",
                         "fatal", "log", "setLevel", "getEffectiveLevel", "isEnabledFor",
                         "getChild"})

    def __init__(self, name: str, config: Config, level: int = 0) -> None:
        self.name = name
        self.level = level
        #: The loggers it belongs with, for its effective level.
        self.config = config

    def __repr__(self) -> str:
        effective = _effective(self.config, self)
        level = NAMES.get(effective, f"Level {effective}")
        return f"<{'RootLogger' if self.name == 'root' else 'Logger'} {self.name} ({level})>"

    def call_in(self, m: Machine, th: Thread, name: str, args: list[Any],
                kwargs: dict[str, Any]) -> Any:
        return _method(m, th, self, name, args, kwargs)


class Config:
    """The machine's logging state: every logger by name, and the root logger's handler
    (None until basicConfig: then its format and date format)."""

    __slots__ = ("loggers", "handler")

    def __init__(self) -> None:
        self.loggers: dict[str, Logger] = {"root": Logger("root", self, LEVELS["WARNING"])}
        self.handler: tuple[str, str | None] | None = None


def _config(m: Machine) -> Config:
    if m.logging is None:
        m.logging = Config()
    return m.logging


def _level(level: Any) -> int:
    """`logging._checkLevel`."""
    if isinstance(level, int) and not isinstance(level, bool):
        return level
    if isinstance(level, str):
        if level not in LEVELS:
            raise fail("ValueError", f"Unknown level: {quoted(level)}")
        return LEVELS[level]
    raise fail("TypeError", f"Level not an integer or a valid string: {quoted(level)}")


def _effective(config: Config, logger: Logger) -> int:
    """`getEffectiveLevel`: its own level, or its nearest ancestor's that has one."""
    if logger.level:
        return logger.level
    name = logger.name
    while "." in name:
        name = name.rpartition(".")[0]
        parent = config.loggers.get(name)
        if parent is not None and parent.level:
            return parent.level
    return config.loggers["root"].level


def get_logger(m: Machine, th: Thread, name: Any = None) -> Logger:
    config = _config(m)
    if name is None or name == "":
        return config.loggers["root"]
    if not isinstance(name, str):
        raise fail("TypeError", "A logger name must be a string")
    logger = config.loggers.get(name)
    if logger is None:
        logger = config.loggers[name] = Logger(name, config)
    return logger


def _basic_config(m: Machine, th: Thread, **kwargs: Any) -> None:
    config = _config(m)
    unknown = [k for k in kwargs if k not in _CONFIG]
    if kwargs.get("force"):
        config.handler = None
    if config.handler is not None:
        return
    for key in ("handlers", "stream", "filename"):
        if kwargs.get(key) is not None:
            raise fail("ValueError", f"basicConfig({key}=…) is not supported: log lines go "
                                     f"to the program's stderr")
    style = kwargs.get("style", "%")
    if style not in ("%", "{", "$"):
        raise fail("ValueError", "Style must be one of: %,{,$")
    if style != "%":
        raise fail("ValueError", "only style='%' is supported")
    fmt = kwargs.get("format")
    fmt = BASIC_FORMAT if fmt is None else fmt
    if not isinstance(fmt, str):
        raise fail("TypeError", f"expected string or bytes-like object, got "
                                f"'{type_name(fmt)}'")
    if not _FIELD.search(fmt):
        raise fail("ValueError", f"Invalid format '{fmt}' for '%' style")
    datefmt = kwargs.get("datefmt")
    if datefmt is not None and not isinstance(datefmt, str):
        raise fail("TypeError", f"strftime() argument 1 must be str, not {type_name(datefmt)}")
    config.handler = (fmt, datefmt)
    level = kwargs.get("level")
    if level is not None:
        config.loggers["root"].level = _level(level)
    if unknown:
        raise fail("ValueError", f"Unrecognised argument(s): {', '.join(unknown)}")


# -- records -----------------------------------------------------------------------------------


def _caller(th: Thread) -> tuple[str, int]:
    """The function and line that called the logger (a method call's instruction has not
    moved on yet; a function call's has)."""
    f = th.frames[-1]
    instrs = f.code.instrs
    ins = instrs[f.pc] if f.pc < len(instrs) and instrs[f.pc].op == "CALL_METHOD" else (
        instrs[f.pc - 1])
    return f.code.name, ins.line


def _handled(th: Thread) -> SimException | None:
    """The exception the calling frame is handling (`except` keeps it in a hidden local)."""
    found = None
    for name, value in th.frames[-1].locals.items():
        if name.startswith(".exc") and isinstance(value, SimException):
            found = value
    return found


def _log(m: Machine, th: Thread, logger: Logger, level: int, msg: Any, args: tuple,
         kwargs: dict[str, Any]) -> None:
    """`Logger._log` and the handlers: one record, written to stderr if a handler takes it."""
    extra = kwargs.pop("extra", None)
    exc_info = kwargs.pop("exc_info", None)
    kwargs.pop("stack_info", None)
    kwargs.pop("stacklevel", None)
    if kwargs:
        key = next(iter(kwargs))
        raise fail("TypeError", f"Logger._log() got an unexpected keyword argument '{key}'")
    config = _config(m)
    if level < _effective(config, logger):
        return
    if config.handler is None:
        if level < LEVELS["WARNING"]:
            return
        fmt, datefmt = "%(message)s", None  # lastResort
    else:
        fmt, datefmt = config.handler
    record = _record(m, th, logger, level, msg, args)
    if isinstance(extra, dict):
        for key, value in extra.items():
            if key in ("message", "asctime") or key in record:
                raise fail("KeyError", f"Attempt to overwrite {quoted(key)} in LogRecord")
            record[key] = value
    budgets = m.program.budgets
    try:
        record["message"] = _message(msg, args, budgets)
    except Exception as e:  # CPython reports it on stderr and goes on
        m.write(["--- Logging error ---\n", f"{_error_text(e)}\n",
                 f"Message: {quoted(msg)}\nArguments: {quoted(args)}\n"], "stderr")
        return
    if "%(asctime)" in fmt:
        record["asctime"] = _asctime(record, datefmt)
    text = percent(fmt, record, budgets)
    if exc_info:
        exc = _handled(th)
        text += ("\nNoneType: None" if exc is None else
                 f"\nTraceback (most recent call last):\n{exc}")
    m.write([text, "\n"], "stderr")


def _error_text(e: Exception) -> str:
    exc = getattr(e, "exc", None)
    return str(exc) if isinstance(exc, SimException) else f"{type(e).__name__}: {e}"


def _message(msg: Any, args: tuple, budgets: Any) -> str:
    """`LogRecord.getMessage`: `str(msg) % args`, a lone non-empty dict as the mapping."""
    text = display(msg, budgets.output)
    if not args:
        return text
    values: Any = args[0] if len(args) == 1 and isinstance(args[0], dict) and args[0] else args
    return percent(text, values, budgets)


def _record(m: Machine, th: Thread, logger: Logger, level: int, msg: Any,
            args: tuple) -> dict[str, Any]:
    """A LogRecord's attributes, which the format's fields name."""
    ct = EPOCH_NS + m.clock
    function, line = _caller(th)
    filename = m.program.filename
    return {
        "name": logger.name, "msg": msg, "args": args,
        "levelname": NAMES.get(level, f"Level {level}"), "levelno": level,
        "pathname": filename, "filename": filename, "module": filename.rpartition(".")[0]
        or filename, "exc_info": None, "exc_text": None, "stack_info": None, "lineno": line,
        "funcName": function, "created": ct / 1e9,
        "msecs": (ct % 1_000_000_000) // 1_000_000 + 0.0,
        "relativeCreated": m.clock / 1e6, "thread": th.tid, "threadName": th.name,
        "processName": "MainProcess", "process": PID, "taskName": None,
    }


def _asctime(record: dict[str, Any], datefmt: str | None) -> str:
    """`Formatter.formatTime` in UTC (the simulated process's time zone)."""
    when = host.gmtime(record["created"])
    if datefmt:
        return host.strftime(datefmt, when)
    return f"{host.strftime(_DEFAULT_TIME, when)},{int(record['msecs']):03d}"


# -- the calls ---------------------------------------------------------------------------------

_BY_METHOD = {"debug": 10, "info": 20, "warning": 30, "warn": 30, "error": 40,
              "exception": 40, "critical": 50, "fatal": 50}


def _method(m: Machine, th: Thread, logger: Logger, name: str, args: list[Any],
            kwargs: dict[str, Any]) -> Any:
    config = _config(m)
    if name in _BY_METHOD:
        if not args:
            raise fail("TypeError", f"Logger.{name}() missing 1 required positional "
                                    f"argument: 'msg'")
        if name == "exception":
            kwargs.setdefault("exc_info", True)
        _log(m, th, logger, _BY_METHOD[name], args[0], tuple(args[1:]), kwargs)
        return None
    if name == "log":
        if len(args) < 2:
            raise fail("TypeError", "Logger.log() missing required positional arguments: "
                                    "'level' and 'msg'")
        level = args[0]
        if isinstance(level, bool) or not isinstance(level, int):
            raise fail("TypeError", "level must be an integer")
        _log(m, th, logger, level, args[1], tuple(args[2:]), kwargs)
        return None
    if name == "setLevel":
        (level,) = _one(name, args, kwargs, "level")
        logger.level = _level(level)
        return None
    if name == "getEffectiveLevel":
        _one(name, args, kwargs, None)
        return _effective(config, logger)
    if name == "isEnabledFor":
        (level,) = _one(name, args, kwargs, "level")
        return level >= _effective(config, logger)
    (suffix,) = _one(name, args, kwargs, "suffix")  # getChild
    if not isinstance(suffix, str):
        raise fail("TypeError", f"can only concatenate str (not \"{type_name(suffix)}\") to "
                                f"str")
    return get_logger(m, th, suffix if logger.name == "root" else f"{logger.name}.{suffix}")


def _one(name: str, args: list[Any], kwargs: dict[str, Any], param: str | None) -> list[Any]:
    """The arguments of a Logger method with one parameter (or none)."""
    values = list(args) + [kwargs.pop(param)] if param in kwargs else list(args)
    if kwargs:
        raise fail("TypeError", f"Logger.{name}() got an unexpected keyword argument "
                                f"'{next(iter(kwargs))}'")
    want = 0 if param is None else 1
    if len(values) != want:
        if want and not values:
            raise fail("TypeError", f"Logger.{name}() missing 1 required positional "
                                    f"argument: '{param}'")
        raise fail("TypeError", f"Logger.{name}() takes {want + 1} positional "
                                f"argument{'s' if want else ''} but {len(values) + 1} were "
                                f"given")
    return values


def _module_function(name: str) -> Builtin:
    """`logging.info(…)` and the others: the root logger's, after `basicConfig()` if it has
    no handler yet (even when the record is then dropped, as in CPython)."""
    def run(m: Machine, th: Thread, *args: Any, **kwargs: Any) -> Any:
        if _config(m).handler is None:
            _basic_config(m, th)
        return _method(m, th, _config(m).loggers["root"], name, list(args), kwargs)
    return Builtin(name, run, "always", "logging")


def _level_name(m: Machine, th: Thread, level: Any) -> Any:
    if isinstance(level, str) and level in LEVELS:
        return LEVELS[level]
    if isinstance(level, int) and level in NAMES:
        return NAMES[level]
    return f"Level {display(level)}"


TABLE: dict[str, Any] = {
    **{name: _module_function(name) for name in (*_BY_METHOD, "log")},
    "getLogger": Builtin("getLogger", get_logger, "always", "logging"),
    "basicConfig": Builtin("basicConfig", _basic_config, "always", "logging"),
    "getLevelName": Builtin("getLevelName", _level_name, module="logging"),
    **{name: level for name, level in LEVELS.items()},
    "BASIC_FORMAT": BASIC_FORMAT,
}
