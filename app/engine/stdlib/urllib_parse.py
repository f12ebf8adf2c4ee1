"""`urllib.parse`: splitting, joining and quoting URLs, for the crawler lessons that follow
the links of made-up pages (the network itself is outside the simulation: `urllib.request`
is refused). CPython's own functions, given text only: every argument is a str or bytes
(a query's values the text `str()` gives them), and what they return is host data, the
named tuples `ParseResult`/`SplitResult` with their fields, `hostname`, `port`, `username`,
`password` and `geturl()`.
"""

from __future__ import annotations

import urllib.parse as host
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..builtin import Builtin
from ..calls import ATTRIBUTES, SAFE_METHODS
from ..classes import MISSING
from ..values import display, fail, type_name

if TYPE_CHECKING:
    from ..machine import Machine, Thread

HINT = ("Supported from urllib.parse: urlparse, urlsplit, urlunparse, urlunsplit, urljoin, "
        "urldefrag, urlencode, quote, quote_plus, unquote, unquote_plus, parse_qs, parse_qsl.")
PACKAGE_HINT = ("Of urllib only urllib.parse is simulated: the network is outside the "
                "simulation.")

_TEXT = (str, bytes)
#: What checks a function's arguments: (its positional arguments, its keywords).
_Convert = Callable[..., tuple[list[Any], dict[str, Any]]]
_SCALARS = (str, bytes, int, float, bool, type(None))


def _text(value: Any) -> Any:
    if not isinstance(value, _TEXT):
        raise fail("TypeError", f"expected a str or bytes here, not {type_name(value)}")
    return value


def _texts(values: Any) -> tuple[Any, ...]:
    if not isinstance(values, tuple | list):
        raise fail("TypeError", f"expected a tuple of parts here, not {type_name(values)}")
    return tuple(_text(v) for v in values)


def _query(query: Any) -> Any:
    """`urlencode`'s data as host text: a dict or a list of pairs, each value shown as
    `str()` shows it (or, with `doseq`, a list of such)."""
    pairs = list(query.items()) if isinstance(query, dict) else query
    if not isinstance(pairs, list | tuple):
        raise fail("TypeError", "not a valid non-string sequence or mapping object")
    made = []
    for pair in pairs:
        if not isinstance(pair, tuple | list) or len(pair) != 2:
            raise fail("TypeError", "not a valid non-string sequence or mapping object")
        key, value = pair
        if isinstance(value, list | tuple):
            value = [v if isinstance(v, _SCALARS) else display(v) for v in value]
        elif not isinstance(value, _SCALARS):
            value = display(value)
        made.append((key if isinstance(key, _SCALARS) else display(key), value))
    return made


def _host(name: str, convert: _Convert) -> Builtin:
    """CPython's function `name`, on the arguments `convert` checks; its ValueError and
    TypeError as the program's."""
    fn = getattr(host, name)

    def run(m: Machine, th: Thread, *args: Any, **kwargs: Any) -> Any:
        given, options = convert(*args, **kwargs)
        try:
            return fn(*given, **options)
        except (ValueError, TypeError) as e:
            raise fail(type(e).__name__, str(e)) from None
    return Builtin(name, run, module="urllib.parse")


def _texts_and_options(*args: Any, **kwargs: Any) -> tuple[list[Any], dict[str, Any]]:
    return [_text(a) for a in args], {k: v if isinstance(v, _SCALARS) else _text(v)
                                      for k, v in kwargs.items()}


def _parts(parts: Any) -> tuple[list[Any], dict[str, Any]]:
    return [_texts(parts)], {}


def _encode(query: Any, doseq: Any = False, *args: Any, **kwargs: Any
            ) -> tuple[list[Any], dict[str, Any]]:
    options = {k: v for k, v in kwargs.items() if k in ("safe", "encoding", "errors")}
    return [_query(query), bool(doseq)], {k: _text(v) for k, v in options.items()}


_NAMES: dict[str, _Convert] = {"urlparse": _texts_and_options, "urlsplit": _texts_and_options,
          "urljoin": _texts_and_options, "urldefrag": _texts_and_options,
          "quote": _texts_and_options, "quote_plus": _texts_and_options,
          "unquote": _texts_and_options, "unquote_plus": _texts_and_options,
          "parse_qs": _texts_and_options, "parse_qsl": _texts_and_options,
          "urlunparse": _parts, "urlunsplit": _parts, "urlencode": _encode}
TABLE: dict[str, Any] = {name: _host(name, convert) for name, convert in _NAMES.items()}

#: The properties of a parsed URL a program reads besides its fields.
_PROPERTIES = frozenset({"hostname", "port", "username", "password"})


def _property(obj: Any, name: str) -> Any:
    if name not in _PROPERTIES:
        return MISSING
    try:
        return getattr(obj, name)  # a name of _PROPERTIES
    except ValueError as e:  # `port` out of range
        raise fail("ValueError", str(e)) from None


for _kind in (host.ParseResult, host.SplitResult, host.DefragResult):
    ATTRIBUTES[_kind] = _property
    SAFE_METHODS[_kind] = SAFE_METHODS[tuple] | {"geturl", "_replace", "_asdict"}
