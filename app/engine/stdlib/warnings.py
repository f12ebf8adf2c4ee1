"""`warnings`: `warn`, `simplefilter`, `filterwarnings`, `resetwarnings` and
`catch_warnings(record=True)`, as CPython 3.13's filters decide and its `showwarning` prints, on
the program's stderr:

    prog.py:27: UserWarning: plain user warning
      warnings.warn("plain user warning")

The default filters are CPython's for a program run as `__main__`: a DeprecationWarning from
it is shown, PendingDeprecationWarning, ImportWarning and ResourceWarning are ignored, and
every other is shown once per message, category and line ("default"). A filter's `message`
is matched as a prefix, ignoring case (CPython's is a regular expression, which a program's
text must not reach). The filters are the process's, shared by its threads, as in CPython;
they are kept with the program's state (a hidden variable), so a snapshot carries them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from ..builtin import Builtin
from ..classes import UserClass
from ..deprecation import calling_line
from ..introspection import type_of
from ..values import (
    EXCEPTION_BASES,
    ExceptionClass,
    LibraryObject,
    SimException,
    Thrown,
    display,
    fail,
    type_name,
)

if TYPE_CHECKING:
    from ..machine import Machine, Thread

HINT = ("Supported from warnings: warn(message, category, stacklevel), simplefilter, "
        "filterwarnings, resetwarnings, catch_warnings(record=True, action=).")

_ACTIONS = ("default", "error", "ignore", "always", "all", "module", "once")
#: Where a machine keeps its filters (action, category, message prefix, line), the warnings
#: already shown, and the list `catch_warnings(record=True)` collects into (None: print).
_STATE = ".warnings"
_DEFAULT_FILTERS = [("default", "DeprecationWarning", "", 0),
                    ("ignore", "DeprecationWarning", "", 0),
                    ("ignore", "PendingDeprecationWarning", "", 0),
                    ("ignore", "ImportWarning", "", 0),
                    ("ignore", "ResourceWarning", "", 0)]


def _state(m: Machine) -> dict[str, Any]:
    return cast("dict[str, Any]", m.globals.setdefault(_STATE, {
        "filters": list(_DEFAULT_FILTERS), "shown": [], "log": None}))


def _names(category: Any) -> list[str]:
    """The names of `category` and its bases (`Warning` last)."""
    names: list[str] = []
    if isinstance(category, UserClass):  # its own classes, then the built-in it derives from
        names = [c.name for c in category.mro if isinstance(c, UserClass)]
        category = category.native
        if not isinstance(category, ExceptionClass):
            return names
    name = category.name
    while name is not None:
        names.append(name)
        name = EXCEPTION_BASES.get(name)
    return names


def _category(value: Any) -> Any:
    """A warning category: a Warning class, built-in or the program's."""
    if (isinstance(value, ExceptionClass | UserClass)) and "Warning" in _names(value):
        return value
    raise fail("TypeError", f"category must be a Warning subclass, not "
                            f"'{type_name(value)}'")


def library_warning(m: Machine, th: Thread, category: str, text: str) -> None:
    """A warning a library function of CPython's gives about its call (`utcnow()`'s
    DeprecationWarning): for the program's line that called it."""
    _warn(m, th, text, type_of(SimException(category)))


def _warn(m: Machine, th: Thread, message: Any, category: Any = None, stacklevel: Any = 1,
          source: Any = None, *, skip_file_prefixes: Any = ()) -> None:
    budget = m.program.budgets.output
    if isinstance(message, SimException):  # `warn(UserWarning("x"))`: its class
        category, text = type_of(message), display(message, budget)
    else:
        text = display(message, budget)
        category = _category(category) if category is not None else type_of(
            SimException("UserWarning"))
    if not isinstance(stacklevel, int):
        raise fail("TypeError", f"'{type_name(stacklevel)}' object cannot be interpreted as "
                                f"an integer")
    frames = [f for f in th.frames if f.code.instrs[f.pc].line]  # not the library's
    frame = frames[max(0, len(frames) - max(stacklevel, 1))]
    line = calling_line(frame)
    names = _names(category)
    state = _state(m)
    action = next((a for a, cat, prefix, at in state["filters"]
                   if cat in names and text.lower().startswith(prefix)
                   and at in (0, line)), "default")
    if action == "error":
        raise Thrown(message if isinstance(message, SimException) else SimException(
            category.name, (text,), category if isinstance(category, UserClass) else None))
    if action == "ignore":
        return
    if action != "always" and action != "all":
        seen = (text, names[0], line if action == "default" else 0)
        if seen in state["shown"]:
            return
        state["shown"].append(seen)
    filename = m.program.filename
    if state["log"] is not None:
        state["log"].append(WarningMessage(
            message if isinstance(message, SimException) else SimException(names[0], (text,)),
            category, filename, line))
        return
    shown = f"{filename}:{line}: {names[0]}: {text}\n  {m.program.line(line)}\n"
    if state.get("capture"):
        TO_LOGGING[0](m, th, shown)
        return
    m.write([shown], "stderr")


#: Where `logging.captureWarnings(True)` sends a warning's text (logging.py puts it here:
#: logging stands above warnings).
TO_LOGGING: list[Callable[[Machine, Thread, str], None]] = []


def capture(m: Machine, on: bool) -> None:
    """`logging.captureWarnings(on)`: warnings go to the `py.warnings` logger, or back to
    stderr."""
    _state(m)["capture"] = on


class WarningMessage(LibraryObject):
    """What `catch_warnings(record=True)` collects: `message` (the Warning), `category`,
    `filename`, `lineno`."""

    __slots__ = ("message", "category", "filename", "lineno")
    ATTRIBUTES = frozenset({"message", "category", "filename", "lineno", "line", "file",
                            "source"})

    def __init__(self, message: SimException, category: Any, filename: str,
                 lineno: int) -> None:
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno

    def __repr__(self) -> str:
        return (f"{{message : {self.message.type}({self.message.message!r}), category : "
                f"{_names(self.category)[0]!r}, filename : {self.filename!r}, lineno : "
                f"{self.lineno}, line : None}}")

    def attribute(self, name: str) -> Any:
        return {"message": self.message, "category": self.category,
                "filename": self.filename, "lineno": self.lineno}.get(name)


def _add_filter(m: Machine, action: Any, category: Any, prefix: Any, lineno: Any,
                append: Any) -> None:
    if action not in _ACTIONS:
        shown = display(action, m.program.budgets.output)
        raise fail("AssertionError", f"invalid action: {shown!r}")
    if not isinstance(prefix, str):
        raise fail("AssertionError", "message must be a string")
    if not isinstance(lineno, int) or lineno < 0:
        raise fail("AssertionError", "lineno must be an int >= 0")
    entry = (action, _names(_category(category))[0], prefix.lower(), lineno)
    filters = _state(m)["filters"]
    if entry in filters:
        filters.remove(entry)
    if append:
        filters.append(entry)
    else:
        filters.insert(0, entry)
    _state(m)["shown"].clear()  # CPython's `_filters_mutated`: a changed filter shows again


def _simplefilter(m: Machine, th: Thread, action: Any, category: Any = None, lineno: Any = 0,
                  append: Any = False) -> None:
    _add_filter(m, action, category or ExceptionClass("Warning"), "", lineno, append)


def _filterwarnings(m: Machine, th: Thread, action: Any, message: Any = "",
                    category: Any = None, module: Any = "", lineno: Any = 0,
                    append: Any = False) -> None:
    _add_filter(m, action, category or ExceptionClass("Warning"), message, lineno, append)


def _resetwarnings(m: Machine, th: Thread) -> None:
    _state(m)["filters"] = []
    _state(m)["shown"].clear()


class CatchWarnings(LibraryObject):
    """`catch_warnings(record=False, action=None, category=Warning)`: the filters (and where
    warnings go) as they were, back at the end of the block."""

    __slots__ = ("record", "action", "category", "saved")
    METHODS = frozenset({"__enter__", "__exit__"})

    def __init__(self, record: Any, action: Any, category: Any) -> None:
        self.record = bool(record)
        self.action = action
        self.category = category
        self.saved: list[tuple[Any, Any]] = []

    def __repr__(self) -> str:
        return f"catch_warnings(record={self.record})"

    def call_in(self, m: Machine, th: Thread, name: str, args: list[Any],
                kwargs: dict[str, Any]) -> Any:
        state = _state(m)
        if name == "__exit__":
            if not self.saved:
                raise fail("RuntimeError", f"Cannot exit {self!r} without entering first")
            state["filters"], state["log"] = self.saved.pop()
            return None
        if self.saved:
            raise fail("RuntimeError", f"Cannot enter {self!r} twice")
        self.saved.append((list(state["filters"]), state["log"]))
        if self.action is not None:
            _simplefilter(m, th, self.action, self.category)
        if self.record:
            state["log"] = []
            return state["log"]
        return None


def _catch_warnings(m: Machine, th: Thread, *, record: Any = False, module: Any = None,
                    action: Any = None, category: Any = None, lineno: Any = 0,
                    append: Any = False) -> CatchWarnings:
    return CatchWarnings(record, action, category)


TABLE: dict[str, Any] = {name: Builtin(name, fn, "always", "warnings") for name, fn in (
    ("warn", _warn), ("simplefilter", _simplefilter), ("filterwarnings", _filterwarnings),
    ("resetwarnings", _resetwarnings), ("catch_warnings", _catch_warnings))}
