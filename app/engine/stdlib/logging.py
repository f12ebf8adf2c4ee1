"""`logging`: loggers, levels, handlers and `basicConfig` as in CPython 3.13's
Lib/logging/__init__.py, writing to the program's stderr (`Machine.write(..., "stderr")`).

What a program reaches: `getLogger(name)` (one Logger per name, `root` for none), the level
constants and names, `basicConfig(level, format, datefmt, style="%", force)`, the module's
`debug` … `critical`, `exception`, `log` (which, as in CPython, first call `basicConfig()`
when the root logger has no handler), and on a Logger those methods, `setLevel`,
`getEffectiveLevel`, `isEnabledFor`, `getChild`, `addHandler`, `removeHandler`,
`hasHandlers`; `StreamHandler()`, `NullHandler()` and `Formatter(fmt, datefmt)`
(log_handlers.py). A record goes to the handlers of its logger and of each ancestor (`a.b` →
`a` → root); if there are none at all, one at WARNING or above is written as its bare message
(CPython's `lastResort`).

Each log call is one step, as it takes the handler's lock in CPython.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from .. import primitives as prim
from ..builtin import Builtin, ModuleVariable
from ..classes import Instance
from ..values import LibraryObject, display, fail, type_name
from . import warnings
from .log_classes import TABLE as CLASSES
from .log_classes import handle, make_record
from .log_handlers import (
    LEVELS,
    NAMES,
    Formatter,
    Handler,
    change_filters,
    check_level,
    derives,
    emit,
    file_handler,
    level_name,
    passes,
    record,
    stream_of,
)
from .log_handlers import stream_handler as _stream_handler

if TYPE_CHECKING:
    from ..machine import Machine, Thread

HINT = ("Supported: getLogger, basicConfig(level=, format=, datefmt=, style='%' or '{', "
        "stream=sys.stdout or sys.stderr, handlers=, force=), debug, info, warning, error, "
        "exception, critical, log, getLevelName, captureWarnings, StreamHandler(sys.stdout, "
        "sys.stderr or a file), FileHandler(filename, mode), NullHandler, Formatter(fmt, datefmt,"
        " style), Handler and Filter (to derive from), LoggerAdapter, addLevelName and the level "
        "constants; Logger methods of the same names, setLevel, getEffectiveLevel, isEnabledFor, "
        "getChild, addHandler, removeHandler, addFilter, removeFilter, hasHandlers; "
        "logging.handlers (QueueHandler, QueueListener, RotatingFileHandler). A log file is one "
        "of the run's own in-memory files.")

BASIC_FORMAT = "%(levelname)s:%(name)s:%(message)s"
_CONFIG = ("level", "format", "datefmt", "style", "force", "handlers", "stream", "filename",
           "filemode", "encoding", "errors")


class Logger(LibraryObject):
    """`logging.Logger`: a name, a level (0: NOTSET, its parent's applies) and handlers."""

    __slots__ = ("name", "level", "handlers", "config", "propagate", "disabled", "filters")
    METHODS = frozenset({"debug", "info", "warning", "warn", "error", "exception", "critical",
                         "fatal", "log", "setLevel", "getEffectiveLevel", "isEnabledFor",
                         "getChild", "addHandler", "removeHandler", "hasHandlers",
                         "addFilter", "removeFilter"})
    ATTRIBUTES = frozenset({"name", "level", "handlers", "parent", "propagate", "disabled",
                            "filters"})
    #: What a program may set (`logger.propagate = False`, `logger.handlers = []`).
    SETTABLE = frozenset({"propagate", "disabled", "handlers"})

    def __init__(self, name: str, config: Config, level: int = 0) -> None:
        self.name = name
        self.level = level
        self.handlers: list[Handler] = []
        #: The loggers it belongs with, for its parent.
        self.config = config
        self.propagate = True
        self.disabled = False
        self.filters: list[Any] = []

    def __repr__(self) -> str:
        level = level_name(_effective(self))
        return f"<{'RootLogger' if self.name == 'root' else 'Logger'} {self.name} ({level})>"

    def attribute(self, name: str) -> Any:
        if name == "handlers":  # the list itself, as CPython's (`logger.handlers.clear()`)
            return self.handlers
        if name == "filters":
            return list(self.filters)
        if name == "parent":
            return _parent(self)
        return {"name": self.name, "level": self.level, "propagate": self.propagate,
                "disabled": self.disabled}[name]

    def set_attribute(self, name: str, value: Any) -> None:
        """`logger.propagate = False` (its records then stop at its own handlers),
        `logger.disabled = True` or `logger.handlers = [...]`."""
        if name == "handlers" and not isinstance(value, list):
            raise fail("TypeError", "logger.handlers must be a list here")
        setattr(self, name, value)  # `name` is one of SETTABLE

    def call_in(self, m: Machine, th: Thread, name: str, args: list[Any],
                kwargs: dict[str, Any]) -> Any:
        return _method(m, th, self, name, args, kwargs)


class Config:
    """The machine's logging state: every logger by name."""

    __slots__ = ("loggers", "names", "levels", "disabled")

    def __init__(self) -> None:
        self.loggers: dict[str, Logger] = {"root": Logger("root", self, LEVELS["WARNING"])}
        #: The level names `addLevelName` gave, both ways (as CPython's `_levelToName` and
        #: `_nameToLevel`).
        self.names: dict[int, str] = {}
        self.levels: dict[str, int] = {}
        #: `logging.disable(level)`: records at or below it are dropped everywhere.
        self.disabled = 0


def _config(m: Machine) -> Config:
    if m.logging is None:
        m.logging = Config()
    return cast("Config", m.logging)


def _root(m: Machine) -> Logger:
    return _config(m).loggers["root"]


def _parent(logger: Logger) -> Logger | None:
    """The nearest existing ancestor by dotted name, else the root logger."""
    if logger.name == "root":
        return None
    loggers = logger.config.loggers
    name = logger.name
    while "." in name:
        name = name.rpartition(".")[0]
        if name in loggers:
            return loggers[name]
    return loggers["root"]


def _effective(logger: Logger | None) -> int:
    """`getEffectiveLevel`: its own level, or its nearest ancestor's that has one."""
    while logger is not None:
        if logger.level:
            return logger.level
        logger = _parent(logger)
    return 0


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
    root = _root(m)
    if kwargs.pop("force", False):
        root.handlers.clear()
    if root.handlers:
        return
    handlers, stream = kwargs.pop("handlers", None), kwargs.pop("stream", None)
    filename = kwargs.pop("filename", None)
    filemode = kwargs.pop("filemode", "a")
    kwargs.pop("encoding", None)
    if sum(x is not None for x in (handlers, stream, filename)) > 1:
        raise fail("ValueError", "'stream' and 'filename' should not be specified together"
                   if handlers is None else "'stream' or 'filename' should not be specified "
                   "together with 'handlers'")
    if filename is not None:
        handlers = [file_handler(m, th, filename, filemode)]
    elif handlers is None:
        handlers = [Handler("StreamHandler", stream_of(stream))]
    elif not isinstance(handlers, list | tuple) or not all(
            isinstance(h, Handler) or derives(h, "Handler") for h in handlers):
        raise fail("TypeError", "basicConfig(handlers=…) takes a list of logging handlers")
    style = kwargs.pop("style", "%")
    fmt = kwargs.pop("format", None)
    formatter = Formatter(fmt if fmt is not None else BASIC_FORMAT if style == "%" else None,
                          kwargs.pop("datefmt", None), style)
    for handler in handlers:
        if isinstance(handler, Handler) and handler.formatter is None:
            handler.formatter = formatter
        elif not isinstance(handler, Handler) and handler.attrs.get("formatter") is None:
            handler.attrs["formatter"] = formatter
        root.handlers.append(handler)
    level = kwargs.pop("level", None)
    if level is not None:
        root.level = check_level(level)
    unknown = [k for k in kwargs if k not in _CONFIG]
    if unknown:
        raise fail("ValueError", f"Unrecognised argument(s): {', '.join(unknown)}")


def _log(m: Machine, th: Thread, logger: Logger, level: int, msg: Any, args: tuple[Any, ...],
         kwargs: dict[str, Any]) -> None:
    """`Logger._log` and `callHandlers`: one record, to every handler on the way up that
    takes its level, or to `lastResort`."""
    extra = kwargs.pop("extra", None)
    exc_info = kwargs.pop("exc_info", None)
    kwargs.pop("stack_info", None)
    kwargs.pop("stacklevel", None)
    if kwargs:
        key = next(iter(kwargs))
        raise fail("TypeError", f"Logger._log() got an unexpected keyword argument '{key}'")
    if level < _effective(logger) or logger.disabled or level <= logger.config.disabled:
        return
    fields = record(m, th, logger.name, level, msg, args, extra)
    fields["levelname"] = logger.config.names.get(level, fields["levelname"])
    fields["exc_info"] = bool(exc_info) or None
    made: list[Instance] = []

    def record_object() -> Instance:
        """The one LogRecord object a program's filter, handler or formatter is given (made
        when one is, as it may change it for the others)."""
        if not made:
            made.append(make_record(m, fields))
        return made[0]

    if logger.filters and not passes(m, th, logger.filters, record_object()):
        return
    found = 0
    at: Logger | None = logger
    while at is not None:
        for handler in at.handlers:
            found += 1
            if isinstance(handler, Handler):
                handler.handle_record(m, th, made[0].attrs if made else fields,
                                      record_object)
            else:  # a program's
                handle(m, th, handler, record_object())
        at = _parent(at) if at.propagate else None
    if not found and level >= LEVELS["WARNING"]:
        emit(m, th, fields, None, exc_info)


# -- the calls ---------------------------------------------------------------------------------

_BY_METHOD = {"debug": 10, "info": 20, "warning": 30, "warn": 30, "error": 40,
              "exception": 40, "critical": 50, "fatal": 50}


def _method(m: Machine, th: Thread, logger: Logger, name: str, args: list[Any],
            kwargs: dict[str, Any]) -> Any:
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
    if name in ("getEffectiveLevel", "hasHandlers"):
        _one(name, args, kwargs, None)
        if name == "hasHandlers":
            return _has_handlers(logger)
        return _effective(logger)
    param = {"setLevel": "level", "isEnabledFor": "level", "getChild": "suffix",
             "addFilter": "filter", "removeFilter": "filter"}.get(name, "hdlr")
    (value,) = _one(name, args, kwargs, param)
    if name == "setLevel":
        logger.level = check_level(value)
    elif name == "isEnabledFor":
        return value >= _effective(logger)
    elif name == "getChild":
        if not isinstance(value, str):
            raise fail("TypeError", f"can only concatenate str (not \"{type_name(value)}\") "
                                    f"to str")
        child = value if logger.name == "root" else f"{logger.name}.{value}"
        return get_logger(m, th, child)
    elif name in ("addFilter", "removeFilter"):
        change_filters(logger.filters, name, [value])
    elif name == "addHandler":
        if not isinstance(value, Handler) and not derives(value, "Handler"):
            raise fail("TypeError", "addHandler() needs a logging handler (StreamHandler or "
                                    "NullHandler)")
        if value not in logger.handlers:
            logger.handlers.append(value)
    elif value in logger.handlers:  # removeHandler
        logger.handlers.remove(value)
    return None


def _has_handlers(logger: Logger | None) -> bool:
    while logger is not None:
        if logger.handlers:
            return True
        logger = _parent(logger)
    return False


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
        if not _root(m).handlers:
            _basic_config(m, th)
        return _method(m, th, _root(m), name, list(args), kwargs)
    return Builtin(name, run, "always", "logging")


def existing_loggers(m: Machine, th: Thread, placeholders: bool = True) -> list[str]:
    """The names of the loggers made so far but the root, sorted, with (as CPython's
    `manager.loggerDict` has them) the names of their ancestors not made yet."""
    made = {name for name in _config(m).loggers if name != "root"}
    if placeholders:
        made |= {name.rsplit(".", i)[0] for name in made for i in range(1, name.count(".") + 1)}
    return sorted(made)


def _capture_warnings(m: Machine, th: Thread, capture: Any) -> None:
    warnings.capture(m, bool(capture))


def _log_warning(m: Machine, th: Thread, text: str) -> None:
    """`logging._showwarning`: the warning's text, a WARNING of `py.warnings`, which gets a
    NullHandler when it has no handler (so without one on the root, nothing is shown)."""
    logger = get_logger(m, th, "py.warnings")
    if not logger.handlers:
        logger.handlers.append(Handler("NullHandler"))
    _log(m, th, logger, LEVELS["WARNING"], text, (), {})


warnings.TO_LOGGING.append(_log_warning)


def _level_name(m: Machine, th: Thread, level: Any) -> Any:
    config = _config(m)
    if isinstance(level, str) and level in config.levels:
        return config.levels[level]
    if isinstance(level, int) and level in config.names:
        return config.names[level]
    if isinstance(level, str) and level in LEVELS:
        return LEVELS[level]
    if isinstance(level, int) and level in NAMES:
        return NAMES[level]
    return f"Level {display(level, m.program.budgets.output)}"


def _disable(m: Machine, th: Thread, level: Any = LEVELS["CRITICAL"]) -> None:
    """`logging.disable(level)`: every logger drops records at or below `level`."""
    _config(m).disabled = check_level(level)


def _add_level_name(m: Machine, th: Thread, level: Any, levelName: Any) -> None:
    """`logging.addLevelName(25, "NOTICE")`: this run's name for the level."""
    if isinstance(level, bool) or not isinstance(level, int):
        raise fail("TypeError", "addLevelName() takes an integer level")
    name = display(levelName, m.program.budgets.output)
    config = _config(m)
    config.names[level] = name
    config.levels[name] = level


def _formatter(m: Machine, th: Thread, *args: Any, **kwargs: Any) -> Formatter:
    return Formatter(*prim.bind("Formatter", args, kwargs, (
        "fmt", "datefmt", "style", "validate"), (None, None, "%", True)))


TABLE: dict[str, Any] = {
    **{name: _module_function(name) for name in (*_BY_METHOD, "log")},
    "getLogger": Builtin("getLogger", get_logger, "always", "logging"),
    "basicConfig": Builtin("basicConfig", _basic_config, "always", "logging"),
    "getLevelName": Builtin("getLevelName", _level_name, module="logging"),
    "addLevelName": Builtin("addLevelName", _add_level_name, "always", "logging"),
    "disable": Builtin("disable", _disable, "always", "logging"),
    "root": ModuleVariable(Builtin("root", lambda m, th: _root(m), module="logging")),
    "StreamHandler": Builtin("StreamHandler", _stream_handler, module="logging"),
    "FileHandler": Builtin("FileHandler", file_handler, "always", "logging"),
    "NullHandler": Builtin("NullHandler", lambda m, th: Handler("NullHandler"),
                           module="logging"),
    "Formatter": Builtin("Formatter", _formatter, module="logging"),
    "shutdown": Builtin("shutdown", lambda m, th: None, module="logging"),  # nothing to flush
    "captureWarnings": Builtin("captureWarnings", _capture_warnings, "always", "logging"),
    **CLASSES,
    **LEVELS,
    "BASIC_FORMAT": BASIC_FORMAT,
}
