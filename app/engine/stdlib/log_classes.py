"""The logging classes a program derives from or calls into: `Handler`, `Filter`,
`LoggerAdapter`, `Formatter` (to derive from) and the `LogRecord` a program's handler, filter
or formatter is given, as CPython 3.13's
Python (Lib/logging/__init__.py, trimmed), run as the program's code (stdlib/written.py).

A program's `class ListHandler(logging.Handler)` overrides `emit(record)`; its
`logging.Filter` subclass, `filter(record)`. The logger (logging.py, the host's) hands such a
handler or filter a `LogRecord` of the written class, holding the record's fields as
attributes, and calls its `handle` or `filter` inside the log call's step (nested.py), as the
logger's own handlers are. A filter may add attributes to the record, which the handlers
after it format (`%(request_id)s`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..builtin import Builtin
from ..calls import get_attribute
from ..classes import Instance, UserClass
from ..generators import PUSHED
from ..nested import call_now
from ..upcalls import UP
from . import copy, threading
from .log_handlers import LEVELS, Formatter, check_level, file_handler, rotating_handler
from .written import library_classes

if TYPE_CHECKING:
    from ..machine import Machine, Thread

CLASSES = '''
def _make(_checkLevel, _defaultFormatter, levels, _Formatter, _copy, _Thread):
    class Formatter:
        def __init__(self, fmt=None, datefmt=None, style='%', validate=True, *,
                     defaults=None):
            self._impl = _Formatter(fmt, datefmt, style, validate)
            self._fmt = fmt
            self.datefmt = datefmt

        def format(self, record):
            return self._impl.format(record)

    class LogRecord:
        def getMessage(self):
            msg = str(self.msg)
            if self.args:
                msg = msg % self.args
            return msg

        def __repr__(self):
            return (f'<LogRecord: {self.name}, {self.levelno}, {self.pathname}, '
                    f'{self.lineno}, "{self.msg}">')

    class Filter:
        def __init__(self, name=''):
            self.name = name
            self.nlen = len(name)

        def filter(self, record):
            if self.nlen == 0:
                return True
            elif self.name == record.name:
                return True
            elif record.name.find(self.name, 0, self.nlen) != 0:
                return False
            return (record.name[self.nlen] == ".")

    class Handler:
        def __init__(self, level=0):
            self.name = None
            self.level = _checkLevel(level)
            self.formatter = None
            self.filters = []

        def setLevel(self, level):
            self.level = _checkLevel(level)

        def setFormatter(self, fmt):
            self.formatter = fmt

        def addFilter(self, filter):
            if not (filter in self.filters):
                self.filters.append(filter)

        def removeFilter(self, filter):
            if filter in self.filters:
                self.filters.remove(filter)

        def filter(self, record):
            for f in self.filters:
                if hasattr(f, 'filter'):
                    result = f.filter(record)
                else:
                    result = f(record)
                if not result:
                    return False
                if isinstance(result, LogRecord):
                    record = result
            return record

        def handle(self, record):
            rv = self.filter(record)
            if isinstance(rv, LogRecord):
                record = rv
            if rv:
                self.emit(record)
            return rv

        def format(self, record):
            if self.formatter:
                fmt = self.formatter
            else:
                fmt = _defaultFormatter
            return fmt.format(record)

        def emit(self, record):
            raise NotImplementedError('emit must be implemented '
                                      'by Handler subclasses')

        def flush(self):
            pass

        def close(self):
            pass

        def acquire(self):
            pass

        def release(self):
            pass

        def __repr__(self):
            level = levels.get(self.level, f"Level {self.level}")
            return '<%s (%s)>' % (self.__class__.__name__, level)

    class LoggerAdapter:
        def __init__(self, logger, extra=None, merge_extra=False):
            self.logger = logger
            self.extra = extra
            self.merge_extra = merge_extra

        def process(self, msg, kwargs):
            if self.merge_extra and "extra" in kwargs:
                kwargs["extra"] = {**self.extra, **kwargs["extra"]}
            else:
                kwargs["extra"] = self.extra
            return msg, kwargs

        def debug(self, msg, *args, **kwargs):
            self.log(10, msg, *args, **kwargs)

        def info(self, msg, *args, **kwargs):
            self.log(20, msg, *args, **kwargs)

        def warning(self, msg, *args, **kwargs):
            self.log(30, msg, *args, **kwargs)

        def error(self, msg, *args, **kwargs):
            self.log(40, msg, *args, **kwargs)

        def exception(self, msg, *args, exc_info=True, **kwargs):
            self.log(40, msg, *args, exc_info=exc_info, **kwargs)

        def critical(self, msg, *args, **kwargs):
            self.log(50, msg, *args, **kwargs)

        def log(self, level, msg, *args, **kwargs):
            if self.isEnabledFor(level):
                msg, kwargs = self.process(msg, kwargs)
                self.logger.log(level, msg, *args, **kwargs)

        def isEnabledFor(self, level):
            return self.logger.isEnabledFor(level)

        def setLevel(self, level):
            self.logger.setLevel(level)

        def getEffectiveLevel(self):
            return self.logger.getEffectiveLevel()

        def hasHandlers(self):
            return self.logger.hasHandlers()

        @property
        def name(self):
            return self.logger.name

        def __repr__(self):
            level = levels.get(self.logger.getEffectiveLevel(), "")
            return '<%s %s (%s)>' % (self.__class__.__name__, self.logger.name, level)

    class QueueHandler(Handler):
        def __init__(self, queue):
            Handler.__init__(self)
            self.queue = queue
            self.listener = None

        def enqueue(self, record):
            self.queue.put_nowait(record)

        def prepare(self, record):
            msg = self.format(record)
            record = _copy(record)
            record.message = msg
            record.msg = msg
            record.args = None
            record.exc_info = None
            record.exc_text = None
            record.stack_info = None
            return record

        def emit(self, record):
            self.enqueue(self.prepare(record))

    class QueueListener:
        _sentinel = None

        def __init__(self, queue, *handlers, respect_handler_level=False):
            self.queue = queue
            self.handlers = handlers
            self._thread = None
            self.respect_handler_level = respect_handler_level

        def dequeue(self, block):
            return self.queue.get(block)

        def start(self):
            if self._thread is not None:
                raise RuntimeError("Listener already started")
            self._thread = t = _Thread(target=self._monitor)
            t.daemon = True
            t.start()

        def prepare(self, record):
            return record

        def handle(self, record):
            record = self.prepare(record)
            for handler in self.handlers:
                if not self.respect_handler_level:
                    process = True
                else:
                    process = record.levelno >= handler.level
                if process:
                    handler.handle(record)

        def _monitor(self):
            q = self.queue
            has_task_done = hasattr(q, 'task_done')
            while True:
                record = self.dequeue(True)
                if record is self._sentinel:
                    if has_task_done:
                        q.task_done()
                    break
                self.handle(record)
                if has_task_done:
                    q.task_done()

        def enqueue_sentinel(self):
            self.queue.put_nowait(self._sentinel)

        def stop(self):
            if self._thread:
                self.enqueue_sentinel()
                self._thread.join()
                self._thread = None

    return {"logging.Formatter": Formatter, "logging.LogRecord": LogRecord,
            "logging.handlers.QueueHandler": QueueHandler,
            "logging.handlers.QueueListener": QueueListener,
            "logging.Filter": Filter,
            "logging.Handler": Handler, "logging.LoggerAdapter": LoggerAdapter}

_made = _make(*_given)
'''

#: The classes a program's class may derive from (bases.py).
DERIVABLE = frozenset({"logging.Handler", "logging.Filter", "logging.LoggerAdapter",
                       "logging.Formatter", "logging.handlers.QueueHandler",
                       "logging.handlers.QueueListener"})
_CHECK_LEVEL = Builtin("_checkLevel", lambda m, th, level: check_level(level), module="logging")
#: Ours, which a program's Formatter subclass formats with (`super().format(record)`).
_FORMATTER = Builtin("_Formatter", lambda m, th, *args: Formatter(*args), module="logging")
#: The built-ins the written classes are given, which snapshots name (library.BY_NAME).
GIVEN = (_CHECK_LEVEL, _FORMATTER)


def log_classes(m: Machine) -> dict[str, UserClass]:
    """The machine's written logging classes, by key."""
    names = {level: name for name, level in LEVELS.items() if name not in ("FATAL", "WARN")}
    return library_classes(m, "logging", CLASSES, _CHECK_LEVEL, Formatter(), names, _FORMATTER,
                           copy.TABLE["copy"], threading.TABLE["Thread"])


def make_record(m: Machine, fields: dict[str, Any]) -> Instance:
    """A `LogRecord` holding `fields` as its attributes, for a program's handler or filter."""
    m.serial += 1
    record = Instance(log_classes(m)["logging.LogRecord"], m.serial)
    record.attrs.update(fields)
    record.building = False
    return record


def handle(m: Machine, th: Thread, handler: Any, record: Instance) -> None:
    """A program's handler takes the record if its level lets it: its `handle`."""
    if record.attrs["levelno"] >= get_attribute(m, th, handler, "level"):
        call_now(m, th, get_attribute(m, th, handler, "handle"), [record])


def _written(module: str, name: str) -> Builtin:
    """`logging.Handler()`, `Filter(name)`, `LoggerAdapter(logger, extra)`,
    `logging.handlers.QueueHandler(q)`…: an object of the machine's own class."""
    def make(m: Machine, th: Thread, *args: Any, **kwargs: Any) -> Any:
        made, obj = UP.call_value(m, th, log_classes(m)[f"{module}.{name}"], list(args),
                                  kwargs)[:2]
        return obj if made else PUSHED
    return Builtin(name, make, module=module)


TABLE: dict[str, Any] = {name: _written("logging", name)
                         for name in ("Handler", "Filter", "LoggerAdapter")}
HANDLERS: dict[str, Any] = {
    **{name: _written("logging.handlers", name) for name in ("QueueHandler", "QueueListener")},
    "RotatingFileHandler": Builtin("RotatingFileHandler", rotating_handler, "always",
                                   "logging.handlers"),
    # Its time never comes in a run of a lesson's length: a FileHandler.
    "TimedRotatingFileHandler": Builtin("TimedRotatingFileHandler", lambda m, th, filename,
                                        *args, **kwargs: file_handler(m, th, filename),
                                        "always", "logging.handlers"),
}
HANDLERS_HINT = ("Supported from logging.handlers: QueueHandler, QueueListener, "
                 "RotatingFileHandler(filename, mode, maxBytes, backupCount), "
                 "TimedRotatingFileHandler (which never rotates in a run this short).")
