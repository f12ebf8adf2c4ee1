"""`datetime`: `datetime`, `date`, `time` and `timedelta`, with `now()` on the virtual clock.

Their objects are the host's own (immutable C values): arithmetic, comparisons, hashing and
`repr` are CPython's. A program reaches their methods through `calls.SAFE_METHODS`, their
fields through `calls.ATTRIBUTES`, `str()` through `values.TEXTS` and `f"{d:%H:%M}"`
through `formatting.FORMATS`, so no name of the program's reaches an attribute of a host
object. `strftime` formats are checked as `time.strftime`'s (`time.check_format`).

The classes themselves are `DateClass` objects: calling one makes an object, and its class
methods (`datetime.now()`, `date.today()`, `datetime.strptime(...)`) are its METHODS. `now()`
reads the virtual clock (`time.now`), in the simulated process's time zone, UTC. The time
zones are `timezone`'s fixed offsets (`timezone.utc`, `timezone(timedelta(hours=2))`), the
host's own immutable values: `datetime.now(timezone.utc)`, `astimezone(tz)`, `tzinfo=`.
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
from .warnings import library_warning

if TYPE_CHECKING:
    from ..budgets import Budgets
    from ..machine import Machine, Thread

HINT = ("Supported from datetime: datetime, date, time, timedelta, timezone (fixed offsets), "
        "UTC; datetime.now() and date.today() read the simulated clock, in UTC.")

_UTC = host.UTC
#: The simulated process's local time zone, as CPython run with TZ=UTC names it.
_LOCAL = host.timezone(host.timedelta(0), "UTC")

#: CPython 3.12+'s DeprecationWarning for the naive UTC constructors.
_DEPRECATED = {name: f"datetime.datetime.{name}() is deprecated and scheduled for removal in a "
                     f"future version. Use timezone-aware objects to represent datetimes in "
                     f"UTC: datetime.datetime.{instead}."
               for name, instead in (("utcnow", "now(datetime.UTC)"),
                                     ("utcfromtimestamp",
                                      "fromtimestamp(timestamp, datetime.UTC)"))}
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
                              "time", "astimezone", "utcoffset", "tzname", "dst", "timetz"}),
    host.timezone: frozenset({"utcoffset", "tzname", "dst"}),
}
_FIELDS = {
    host.timedelta: frozenset({"days", "seconds", "microseconds"}),
    host.date: frozenset({"year", "month", "day"}),
    host.time: frozenset({"hour", "minute", "second", "microsecond", "tzinfo", "fold"}),
    host.datetime: frozenset({"year", "month", "day", "hour", "minute", "second",
                              "microsecond", "tzinfo", "fold"}),
    host.timezone: frozenset(),
}
#: Class methods, by class.
_CLASS_METHODS = {
    "datetime": frozenset({"now", "today", "utcnow", "fromtimestamp", "utcfromtimestamp",
                           "strptime", "fromisoformat", "combine"}),
    "date": frozenset({"today", "fromtimestamp", "fromisoformat"}),
    "time": frozenset({"fromisoformat"}),
    "timedelta": frozenset(),
    "timezone": frozenset(),
}


def _text(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise fail("TypeError", f"{what} argument must be str, not {type_name(value)}")
    if len(value) > MAX_TEXT:
        raise BudgetError(f"a text of {len(value):,} characters to read as a date is over the "
                          f"limit of {MAX_TEXT:,}")
    return value


def _zone(args: list[Any], kwargs: dict[str, Any], at: int) -> Any:
    """The tz/tzinfo argument (the `at`-th positional one, or a keyword): None or a
    `timezone`, the only tzinfo there is here."""
    zone = args[at] if len(args) > at else kwargs.get("tzinfo", kwargs.get("tz"))
    if zone is not None and not isinstance(zone, host.timezone):
        raise fail("TypeError", f"tzinfo argument must be None or of a tzinfo subclass, not "
                                f"type '{type_name(zone)}'")
    return zone


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
    ATTRIBUTES = frozenset({"min", "max", "resolution", "__name__", "utc"})
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
        if name == "utc" and self.name != "timezone":
            raise fail("AttributeError", f"type object 'datetime.{self.name}' has no "
                                         f"attribute 'utc'")
        return self.name if name == "__name__" else getattr(self.host, name)

    def call_in(self, m: Machine, th: Thread, name: str, args: list[Any],
                kwargs: dict[str, Any]) -> Any:
        if name in _DEPRECATED and self.name == "datetime":
            library_warning(m, th, "DeprecationWarning", _DEPRECATED[name])
        try:
            return self._call(m, name, args, kwargs)
        except (ValueError, OverflowError, TypeError) as e:  # the host's checks, CPython's
            raise fail(type(e).__name__, str(e)) from None

    def _call(self, m: Machine, name: str, args: list[Any], kwargs: dict[str, Any]) -> Any:
        kind = self.host
        if name == "__call__":
            if self.name in ("datetime", "time"):
                _zone(args, kwargs, 7 if self.name == "datetime" else 4)
            if self.name == "timezone" and not (args and isinstance(args[0], host.timedelta)):
                raise fail("TypeError", "timezone() argument 1 must be datetime.timedelta")
            return kind(*args, **kwargs)
        if name in ("now", "today", "utcnow"):
            zone = _zone(args, kwargs, 0) if name == "now" else None
            if name != "now" and (args or kwargs) or len(args) + len(kwargs) > 1:
                raise fail("TypeError", f"{self.name}.{name}() takes no arguments "
                                        f"({len(args) + len(kwargs)} given)")
            moment = _in_zone(_timestamp(m, now(m)), zone)
            return moment.date() if kind is host.date else moment
        if name in ("fromtimestamp", "utcfromtimestamp"):
            zone = _zone(args, kwargs, 1) if name == "fromtimestamp" else None
            if not 1 <= len(args) + len(kwargs) <= (2 if name == "fromtimestamp" else 1):
                raise fail("TypeError", f"{self.name}.{name}() takes exactly one argument "
                                        f"({len(args)} given)")
            moment = _in_zone(_timestamp(m, args[0]), zone)
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
            return kind.fromisoformat(  # type: ignore[attr-defined]
                _text(args[0], "fromisoformat:"))
        # combine(date, time)
        _zone(args, kwargs, 2)
        return host.datetime.combine(*args, **kwargs)


def _in_zone(moment: host.datetime, zone: Any) -> host.datetime:
    """A naive UTC moment of the clock's, in `zone` (None: left naive)."""
    return moment if zone is None else moment.replace(tzinfo=_UTC).astimezone(zone)


CLASSES = {name: DateClass(name, getattr(host, name))
           for name in ("datetime", "date", "time", "timedelta", "timezone")}


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
    elif name == "timestamp" and not args and not kwargs and obj.tzinfo is None:
        return obj.replace(tzinfo=_UTC).timestamp()
    elif name == "replace":
        _zone([], kwargs, 0)
    elif name == "astimezone":
        zone = _zone(args, kwargs, 0) or _LOCAL
        return (obj if obj.tzinfo is not None else obj.replace(tzinfo=_LOCAL)).astimezone(zone)
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
    if _kind is not host.timezone:
        FORMATS[_kind] = _format
    LIBRARY_CLASSES[_kind] = lambda obj: CLASSES[type(obj).__name__]
LIBRARY_TYPES.append(_instance)

TABLE: dict[str, Any] = {**CLASSES, "MINYEAR": host.MINYEAR, "MAXYEAR": host.MAXYEAR,
                         "UTC": _UTC}
