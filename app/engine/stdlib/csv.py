"""`csv`: `writer`, `reader`, `DictWriter` and `DictReader` over a file of the run's (io.py) or
a StringIO, for the program that saves its results as a table.

Each row is made text first (`str()` of each field, as CPython's writer does, None as ""),
then CPython's own csv module (the host's) quotes and joins those strings, so only strings
reach it. A reader reads the rest of the file when it is made and gives its rows one by one.
"""

from __future__ import annotations

import csv as host
import io as host_io
from typing import TYPE_CHECKING, Any

from ..builtin import Builtin
from ..iterators import LazyIter
from ..values import ExceptionClass, LibraryObject, display, fail, type_name
from .io import File

if TYPE_CHECKING:
    from ..machine import Machine, Thread

HINT = ("Supported from csv: writer, reader, DictWriter, DictReader (delimiter=, quotechar=, "
        "lineterminator=), QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE, over a file "
        "of the run's or a StringIO.")

_OPTIONS = ("delimiter", "quotechar", "lineterminator", "quoting", "escapechar",
            "doublequote", "skipinitialspace")


def _dialect(kwargs: dict[str, Any]) -> dict[str, Any]:
    """The format options a program gave, checked as CPython checks them."""
    options = {}
    for name, value in kwargs.items():
        if name not in _OPTIONS:
            raise fail("TypeError", f"'{name}' is an invalid keyword argument for this function")
        if name in ("delimiter", "quotechar", "escapechar") and value is not None and not (
                isinstance(value, str) and len(value) == 1):
            raise fail("TypeError", f'"{name}" must be a 1-character string')
        if name == "lineterminator" and not (isinstance(value, str) and len(value) <= 8):
            raise fail("TypeError", '"lineterminator" must be a short string')
        if name == "quoting" and value not in (0, 1, 2, 3):
            raise fail("TypeError", "bad \"quoting\" value")
        options[name] = value
    return options


def _file(f: Any) -> File:
    if not isinstance(f, File):
        raise fail("TypeError", f"argument 1 must have a \"write\" method, not "
                                f"{type_name(f)}")
    return f


def _field(value: Any, budget: int) -> Any:
    """What the host writer is given: numbers as numbers (QUOTE_NONNUMERIC tells them
    apart), everything else as its text (within the output budget, before it is made)."""
    if value is None or isinstance(value, int | float) and not isinstance(value, bool):
        return value
    return display(value, budget)


class Writer(LibraryObject):
    """`csv.writer(f)` or `csv.DictWriter(f, fieldnames)` (`fieldnames` not None)."""

    __slots__ = ("file", "options", "fieldnames", "restval")
    METHODS = frozenset({"writerow", "writerows", "writeheader"})
    ATTRIBUTES = frozenset({"fieldnames"})

    def __init__(self, file: File, options: dict[str, Any], fieldnames: list[Any] | None,
                 restval: Any = "") -> None:
        self.file = file
        self.options = options
        self.fieldnames = fieldnames
        self.restval = restval

    def __repr__(self) -> str:
        return "<_csv.writer object>" if self.fieldnames is None else "<csv.DictWriter object>"

    def attribute(self, name: str) -> Any:
        return self.fieldnames

    def _row(self, row: Any, budget: int) -> list[Any]:
        if self.fieldnames is None:
            if isinstance(row, str | int | float) or not hasattr(row, "__iter__"):
                raise fail("_csv.Error", f"iterable expected, not {type_name(row)}")
            return [_field(v, budget) for v in row]
        if not isinstance(row, dict):
            raise fail("AttributeError", f"'{type_name(row)}' object has no attribute 'keys'")
        wrong = [k for k in row if k not in self.fieldnames]
        if wrong:
            raise fail("ValueError", "dict contains fields not in fieldnames: " + ", ".join(
                repr(display(k, budget)) for k in wrong))
        return [_field(row.get(k, self.restval), budget) for k in self.fieldnames]

    def call(self, m: Machine, name: str, args: list[Any], kwargs: dict[str, Any]) -> Any:
        budget = m.program.budgets.output
        if name == "writeheader":
            if self.fieldnames is None:
                raise fail("AttributeError", "'_csv.writer' object has no attribute "
                                             "'writeheader'")
            rows = [[_field(k, budget) for k in self.fieldnames]]
        elif len(args) != 1 or kwargs:
            raise fail("TypeError", f"{name}() takes exactly one argument ({len(args)} given)")
        elif name == "writerow":
            rows = [self._row(args[0], budget)]
        else:
            rows = [self._row(row, budget) for row in args[0]]
        out = host_io.StringIO()
        try:
            host.writer(out, **self.options).writerows(rows)
        except host.Error as e:
            raise fail("_csv.Error", str(e)) from None
        text = out.getvalue()
        self.file.call(m, "write", [text], {})
        return len(text) if name != "writerows" else None


def _writer(m: Machine, th: Thread, csvfile: Any, dialect: Any = "excel",
            **kwargs: Any) -> Writer:
    return Writer(_file(csvfile), _dialect(kwargs), None)


def _dict_writer(m: Machine, th: Thread, f: Any, fieldnames: Any, restval: Any = "",
                 extrasaction: Any = "raise", dialect: Any = "excel", **kwargs: Any) -> Writer:
    if not isinstance(fieldnames, list | tuple):
        raise fail("TypeError", "fieldnames must be a list or a tuple here")
    return Writer(_file(f), _dialect(kwargs), list(fieldnames), restval)


def _rows(m: Machine, f: Any, kwargs: dict[str, Any]) -> list[list[str]]:
    if not isinstance(f, File):
        raise fail("TypeError", f"'{type_name(f)}' object is not iterable")
    text = f.call(m, "read", [], {})
    try:
        return list(host.reader(host_io.StringIO(text, newline=""), **_dialect(kwargs)))
    except host.Error as e:
        raise fail("_csv.Error", str(e)) from None


def _reader(m: Machine, th: Thread, csvfile: Any, dialect: Any = "excel",
            **kwargs: Any) -> LazyIter:
    return LazyIter(_rows(m, csvfile, kwargs), False, "_csv.reader")


def _dict_reader(m: Machine, th: Thread, f: Any, fieldnames: Any = None, restkey: Any = None,
                 restval: Any = None, dialect: Any = "excel", **kwargs: Any) -> LazyIter:
    rows = [row for row in _rows(m, f, kwargs) if row]  # DictReader skips blank rows
    if fieldnames is None:
        names = rows.pop(0) if rows else []
    else:
        budget = m.program.budgets.output
        names = [display(name, budget) for name in fieldnames]
    records = []
    for row in rows:
        record: dict[Any, Any] = dict(zip(names, row, strict=False))
        if len(row) > len(names):
            record[restkey] = row[len(names):]
        for name in names[len(row):]:
            record[name] = restval
        records.append(record)
    return LazyIter(records, False, "csv.DictReader")


TABLE: dict[str, Any] = {
    "writer": Builtin("writer", _writer, module="csv"),
    "reader": Builtin("reader", _reader, "always", "csv"),
    "DictWriter": Builtin("DictWriter", _dict_writer, module="csv"),
    "DictReader": Builtin("DictReader", _dict_reader, "always", "csv"),
    "Error": ExceptionClass("_csv.Error"),
    "QUOTE_MINIMAL": 0, "QUOTE_ALL": 1, "QUOTE_NONNUMERIC": 2, "QUOTE_NONE": 3,
}
