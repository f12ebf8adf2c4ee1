"""`logging.config.dictConfig`: CPython 3.13's `DictConfigurator` (Lib/logging/config.py),
trimmed and written in Python (stdlib/written.py) over the `logging` a program can call:
formatters, filters, handlers, loggers and the root, in CPython's order, with its errors
(`Unable to configure handler 'console'`).

A handler's `class` is one of the handlers a program may make here (`logging.StreamHandler`,
`FileHandler`, `NullHandler`, `logging.handlers.RotatingFileHandler`, `QueueHandler`…); a
`()` factory is a callable or a `__main__.` name of the program's. Of `ext://` and `cfg://`
values only `ext://sys.stdout` and `ext://sys.stderr` are read. As in CPython, the loggers
that exist and that the configuration does not name are disabled unless
`disable_existing_loggers` is False, and the children of named ones are reset.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..builtin import Builtin
from ..nested import call_now
from ..values import fail
from .log_classes import HANDLERS
from .log_classes import TABLE as CLASSES
from .logging import TABLE as LOGGING
from .logging import existing_loggers
from .sys import STREAMS
from .written import library_functions

if TYPE_CHECKING:
    from ..machine import Machine, Thread

HINT = "Supported from logging.config: dictConfig."

CONFIG = '''
def _make(logging, handlers, existing_loggers, main_name):
    def convert(value):
        if value == "ext://sys.stdout":
            return logging["stdout"]
        if value == "ext://sys.stderr":
            return logging["stderr"]
        return value

    def resolve(name):
        if callable(name):
            return name
        if name in logging:
            return logging[name]
        if name in handlers:
            return handlers[name]
        if name.startswith("__main__."):
            return main_name(name[len("__main__."):])
        raise ValueError(f"Cannot resolve {name!r}: No module named {name.rpartition('.')[0]!r}")

    def configure_custom(config):
        factory = resolve(config.pop("()"))
        props = config.pop(".", None)
        kwargs = {k: convert(v) for k, v in config.items()}
        result = factory(**kwargs)
        if props:
            for name, value in props.items():
                setattr(result, name, value)
        return result

    def configure_formatter(config):
        config = dict(config)
        if "()" in config:
            return configure_custom(config)
        cls = resolve(config.get("class", "logging.Formatter"))
        return cls(config.get("format"), config.get("datefmt"), config.get("style", "%"))

    def configure_filter(config):
        config = dict(config)
        if "()" in config:
            return configure_custom(config)
        return logging["logging.Filter"](config.get("name", ""))

    def configure_handler(config, formatters, filters):
        config = dict(config)
        formatter = config.pop("formatter", None)
        level = config.pop("level", None)
        wanted = config.pop("filters", None)
        if "()" in config:
            handler = configure_custom(config)
        else:
            cls = resolve(config.pop("class"))
            kwargs = {k: convert(v) for k, v in config.items()}
            handler = cls(**kwargs)
        if formatter:
            handler.setFormatter(formatters[formatter])
        if level is not None:
            handler.setLevel(level)
        if wanted:
            for name in wanted:
                handler.addFilter(filters[name])
        return handler

    def common_logger_config(logger, config, handlers, filters):
        level = config.get("level", None)
        if level is not None:
            logger.setLevel(level)
        for h in logger.handlers[:]:
            logger.removeHandler(h)
        for name in config.get("handlers", None) or ():
            try:
                logger.addHandler(handlers[name])
            except Exception as e:
                raise ValueError(f"Unable to add handler {name!r}") from e
        for name in config.get("filters", None) or ():
            logger.addFilter(filters[name])

    def dictConfig(config):
        config = dict(config)
        if "version" not in config:
            raise ValueError("dictionary doesn't specify a version")
        if config["version"] != 1:
            raise ValueError(f"Unsupported version: {config['version']}")
        getLogger = logging["logging.getLogger"]
        disable_existing = config.pop("disable_existing_loggers", True)
        formatters = {}
        for name, spec in config.get("formatters", {}).items():
            try:
                formatters[name] = configure_formatter(spec)
            except Exception as e:
                raise ValueError(f"Unable to configure formatter {name!r}") from e
        filters = {}
        for name, spec in config.get("filters", {}).items():
            try:
                filters[name] = configure_filter(spec)
            except Exception as e:
                raise ValueError(f"Unable to configure filter {name!r}") from e
        made = {}
        for name in sorted(config.get("handlers", {})):
            try:
                made[name] = configure_handler(config["handlers"][name], formatters, filters)
            except Exception as e:
                raise ValueError(f"Unable to configure handler {name!r}") from e
        existing = existing_loggers()
        child_loggers = []
        loggers = config.get("loggers", {})
        for name in loggers:
            if name in existing:
                prefixed = name + "."
                child_loggers.extend(e for e in existing if e.startswith(prefixed))
                existing.remove(name)
            try:
                logger = getLogger(name)
                common_logger_config(logger, loggers[name], made, filters)
                logger.disabled = False
                propagate = loggers[name].get("propagate", None)
                if propagate is not None:
                    logger.propagate = propagate
            except Exception as e:
                raise ValueError(f"Unable to configure logger {name!r}") from e
        made_loggers = existing_loggers(False)
        for name in existing:
            if name not in made_loggers:  # a placeholder
                continue
            logger = getLogger(name)
            if name in child_loggers:
                logger.setLevel(0)
                logger.handlers = []
                logger.propagate = True
            else:
                logger.disabled = disable_existing
        root = config.get("root", None)
        if root:
            try:
                common_logger_config(getLogger(), root, made, filters)
            except Exception as e:
                raise ValueError("Unable to configure root logger") from e

    return {"logging.config.dictConfig": dictConfig}

_made = _make(*_given)
'''


def _main_name(m: Machine, th: Thread, name: Any) -> Any:
    """A `__main__.Name` factory: the program's global of that name."""
    if name not in m.globals or not isinstance(name, str) or name.startswith("."):
        raise fail("ValueError", f"Cannot resolve '__main__.{name}': module '__main__' has no "
                                 f"attribute '{name}'")
    return m.globals[name]


#: The names a configuration's `class` and `()` may give, and the streams `ext://` names.
_NAMES: dict[str, Any] = {
    **{f"logging.{name}": LOGGING[name] for name in (
        "StreamHandler", "FileHandler", "NullHandler", "Formatter", "getLogger")},
    **{f"logging.{name}": CLASSES[name] for name in ("Handler", "Filter")},
    "stdout": STREAMS["stdout"], "stderr": STREAMS["stderr"],
}
_HANDLERS = {f"logging.handlers.{name}": value for name, value in HANDLERS.items()}
#: The built-ins the written code is given (snapshots find them by key: library.BY_NAME).
GIVEN = (Builtin("existing_loggers", existing_loggers, module="logging"),
         Builtin("main_name", _main_name, module="logging"))


def _dict_config(m: Machine, th: Thread, config: Any) -> Any:
    made = library_functions(m, "logging.config", CONFIG, _NAMES, _HANDLERS, *GIVEN)
    return call_now(m, th, made["logging.config.dictConfig"], [config])


TABLE: dict[str, Any] = {
    "dictConfig": Builtin("dictConfig", _dict_config, "always", "logging.config"),
}
