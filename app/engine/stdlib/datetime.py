"""`datetime`: `datetime`, `date`, `time` and `timedelta`, with `now()` on the virtual clock.

Their objects are the host's own (immutable C values): arithmetic, comparisons, hashing and
`repr` are CPython's. A program reaches their methods through `calls.SAFE_METHODS`, their
fields through `calls.ATTRIBUTES`, `str()` through `values.TEXTS` and `f"{d:%H:%M}"`
through `formatting.FORMATS`, so no name of the program's reaches an attribute of a host
object. `strftime` formats are checked as `time.strftime`'s (`time.check_format`).

The classes themselves are `DateClass` objects: calling one makes an object, and its class
methods (`datetime.now()`, `date.today()`, `datetime.strptime(...)`) are its METHODS. `now()`
reads the virtual clock (`time.now`), in the simulated process's time zone, UTC. Time zones
(`tzinfo`, `timezone`) are not modelled: a call that passes one is refused.
"""

from __future__ import annotations

import datetime as host
from typing import TYPE_CHECKING, Any

from ..calls import ATTRIBUTES, OWN_METHODS, SAFE_METHODS
from ..classes import MISSING
from ..errors import BudgetError
from ..formatting import FORMATS
from ..introspect import LIBRARY_CLASSES, LIBRARY_TYPES
from ..values import TEXTS, TYPE_NAMES, LibraryObject, fail, type_name
from .time import check_format, now

if TYPE_CHECKING:
    from ..budgets import Budgets
    from ..machine import Machine

HINT = ("Supported from datetime: datetime, date, time, timedelta (no time zones); "
        "datetime.now() and date.today() read the simulated clock, in UTC.")

_UTC = host.UTC
_NO_ZONES = ("Interleave's datetime has no time zones: leave out tz/tzinfo (the simulated "
             "process runs in UTC)")

#: The longest text `strptime` or `fromisoformat` reads in one step.
MAX_TEXT = 10_000

#: Each class's methods a program may call on its objects, and fields it may read.
_METHODS = {
    host.timedelta: frozenset({"total_seconds"}),
    host.date: frozenset({"strftime", "isoformat", "weekday", "isoweekday", "replace",
                          "ctime", "toordinal", "isocalendar"}),
    host.time: frozenset({"strftime", "isoformat", "replace"}),
    host.datetime: frozenset({"strftime", "isoformat", "weekday", "isoweekday", "replace",
                              "ctime", "toordinal", "isocalendar", "timestamp", "date",
                              "time"}),
}
_FIELDS = {
    host.timedelta: frozenset({"days", "seconds", "microseconds"}),
    host.date: frozenset({"year", "month", "day"}),
    host.time: frozenset({"hour", "minute", "second", "microsecond", "tzinfo", "fold"}),
    host.datetime: frozenset({"year", "month", "day", "hour", "minute", "second",
                              "microsecond", "tzinfo", "fold"}),
}
#: Class methods, by class.
_CLASS_METHODS = {
    "datetime": frozenset({"now", "today", "utcnow", "fromtimestamp", "utcfromtimestamp",
                           "strptime", "fromisoformat", "combine"}),
    "date": frozenset({"today", "fromtimestamp", "fromisoformat"}),
    "time": frozenset({"fromisoformat"}),
    "timedelta": frozenset(),
}


def _text(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise fail("TypeError", f"{what} argument must be str, not {type_name(value)}")
    if len(value) > MAX_TEXT:
        raise BudgetError(f"a text of {len(value):,} characters to read as a date is over the "
                          f"limit of {MAX_TEXT:,}")
    return value


def _no_zone(args: list[Any], kwargs: dict[str, Any], at: int) -> None:
    """Refuse a tz/tzinfo argument (the `at`-th positional one, or a keyword)."""
    zone = args[at] if len(args) > at else kwargs.get("tzinfo", kwargs.get("tz"))
    if zone is not None:
        raise fail("NotImplementedError", _NO_ZONES)


def _timestamp(m: Machine, seconds: Any) -> host.datetime:
    if isinstance(seconds, bool) or not isinstance(seconds, int | float):
        raise fail("TypeError", f"'{type_name(seconds)}' object cannot be interpreted as an "
                                f"integer")
    try:
        return host.datetime.fromtimestamp(seconds, _UTC).replace(tzinfo=None)
    except (ValueError, OverflowError, OSError) as e:
        raise fail(type(e).__name__, str(e)) from None


class DateClass(LibraryObject):
    """`datetime.datetime`, `datetime.date`, `datetime.time` or `datetime.timedelta`."""

    __slots__ = ("name", "host")
    ATTRIBUTES = frozenset({"min", "max", "resolution", "__name__"})
    type_name = "type"

    def __init__(self, name: str, kind: type) -> None:
        self.name = name
        self.host = kind

    @property
    def METHODS(self) -> frozenset[str]:  # type: ignore[override]  # noqa: N802
        return _CLASS_METHODS[self.name] | {"__call__"}

    def __repr__(self) -> str:
        return f"<class 'datetime.{self.name}'>"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_class_named, (self.name,))  # one object per class, copies included

    def attribute(self, name: str) -> Any:
        return self.name if name == "__name__" else getattr(self.host, name)

    def call(self, m: Machine, name: str, args: list[Any], kwargs: dict[str, Any]) -> Any:
        try:
            return self._call(m, name, args, kwargs)
        except (ValueError, OverflowError, TypeError) as e:  # the host's checks, CPython's
            raise fail(type(e).__name__, str(e)) from None

    def _call(self, m: Machine, name: str, args: list[Any], kwargs: dict[str, Any]) -> Any:
        kind = self.host
        if name == "__call__":
            if self.name in ("datetime", "time"):
                _no_zone(args, kwargs, 7 if self.name == "datetime" else 4)
            return kind(*args, **kwargs)
        if name in ("now", "today", "utcnow"):
            if name == "now":
                _no_zone(args, kwargs, 0)
            if name != "now" and (args or kwargs):
                raise fail("TypeError", f"{self.name}.{name}() takes no arguments "
                                        f"({len(args) + len(kwargs)} given)")
            moment = _timestamp(m, now(m))
            return moment.date() if kind is host.date else moment
        if name in ("fromtimestamp", "utcfromtimestamp"):
            if len(args) != 1 or kwargs:
                _no_zone(args, kwargs, 1)
                raise fail("TypeError", f"{self.name}.{name}() takes exactly one argument "
                                        f"({len(args)} given)")
            moment = _timestamp(m, args[0])
            return moment.date() if kind is host.date else moment
        if name == "strptime":
            if len(args) != 2 or kwargs:
                raise fail("TypeError", f"strptime() takes exactly 2 arguments "
                                        f"({len(args)} given)")
            text = _text(args[0], "strptime() argument 1")
            return host.datetime.strptime(text, check_format(args[1]))
        if name == "fromisoformat":
            if len(args) != 1 or kwargs:
                raise fail("TypeError", f"{self.name}.fromisoformat() takes exactly one "
                                        f"argument ({len(args)} given)")
            # `kind` is date, datetime or time here: only those offer it (_CLASS_METHODS).
            value = kind.fromisoformat(  # type: ignore[attr-defined]
                _text(args[0], "fromisoformat:"))
            if getattr(value, "tzinfo", None) is not None:
                raise fail("NotImplementedError", _NO_ZONES)
            return value
        # combine(date, time)
        _no_zone(args, kwargs, 2)
        return host.datetime.combine(*args, **kwargs)


CLASSES = {name: DateClass(name, getattr(host, name))
           for name in ("datetime", "date", "time", "timedelta")}


def _class_named(name: str) -> DateClass:
    """The one `DateClass` of `name` (for snapshots)."""
    return CLASSES[name]


def _fields(obj: Any, name: str) -> Any:
    return getattr(obj, name) if name in _FIELDS[type(obj)] else MISSING


def _format(value: Any, spec: str, budgets: Budgets) -> str:
    """`format(d, spec)`: strftime with the spec, or str() for an empty one."""
    return value.strftime(check_format(spec)) if spec else str(value)


def _method(m: Machine, obj: Any, name: str, args: list[Any], kwargs: dict[str, Any]) -> Any:
    """A method of a datetime object's (allowed by SAFE_METHODS): `strftime`'s format checked
    first, `timestamp()` of a naive datetime in UTC, `replace` with no time zone."""
    if name == "strftime" and args:
        check_format(args[0])
    elif name == "timestamp" and not args and not kwargs:
        return obj.replace(tzinfo=_UTC).timestamp()
    elif name == "replace" and kwargs.get("tzinfo") is not None:
        raise fail("NotImplementedError", _NO_ZONES)
    return getattr(obj, name)(*args, **kwargs)


def _instance(cls: Any, obj: Any) -> bool | None:
    """`isinstance(obj, cls)` for a class of this module (a datetime is a date, as in
    CPython)."""
    if not isinstance(cls, DateClass):
        return None
    return isinstance(obj, cls.host) and type(obj) in _METHODS


for _kind in _METHODS:
    SAFE_METHODS[_kind] = _METHODS[_kind]
    ATTRIBUTES[_kind] = _fields
    TEXTS[_kind] = str
    OWN_METHODS[_kind] = _method
    TYPE_NAMES[_kind] = lambda obj: f"datetime.{type(obj).__name__}"
    FORMATS[_kind] = _format
    LIBRARY_CLASSES[_kind] = lambda obj: CLASSES[type(obj).__name__]
LIBRARY_TYPES.append(_instance)

TABLE: dict[str, Any] = {**CLASSES, "MINYEAR": host.MINYEAR, "MAXYEAR": host.MAXYEAR}
