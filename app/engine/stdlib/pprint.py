"""`pprint`: `pprint`, `pp` and `pformat`, CPython's own on builtin data (dicts sorted by key,
lines wrapped at `width`, `indent`, `depth`, `compact`; to `stream` if given); anything
holding a value of the program's (an object of its class, a lock) is shown as `repr` shows
it, on one line."""

from __future__ import annotations

import pprint as host
from typing import TYPE_CHECKING, Any

from ..builtin import Builtin
from ..machine import showing
from ..values import fail, quoted
from .json import walk
from .sys import current, write_to

if TYPE_CHECKING:
    from ..machine import Machine, Thread

HINT = "Supported from pprint: pprint, pp, pformat."


def _pformat(m: Machine, th: Thread, obj: Any, indent: Any = 1, width: Any = 80,
             depth: Any = None, *, compact: Any = False, sort_dicts: Any = True,
             underscore_numbers: Any = False) -> str:
    if width == 0:
        raise fail("ValueError", "width must be != 0")
    if not isinstance(width, int) or not 1 <= width <= 1000:
        raise fail("ValueError", "width must be between 1 and 1000 here")
    if not isinstance(indent, int) or not 0 <= indent <= 40:
        raise fail("ValueError", "indent must be between 0 and 40 here")
    if depth is not None and (not isinstance(depth, int) or depth <= 0):
        raise fail("ValueError", "depth must be > 0")
    if walk(obj, [m.program.budgets.items], set(), sets=True):
        return host.pformat(obj, indent=indent, width=width, depth=depth,
                            compact=bool(compact), sort_dicts=bool(sort_dicts),
                            underscore_numbers=bool(underscore_numbers))
    return showing(m, th, quoted, obj, m.program.budgets.output)


def _pprint(m: Machine, th: Thread, obj: Any, stream: Any = None, indent: Any = 1,
            width: Any = 80, depth: Any = None, *, compact: Any = False,
            sort_dicts: Any = True, underscore_numbers: Any = False) -> None:
    text = _pformat(m, th, obj, indent, width, depth, compact=compact, sort_dicts=sort_dicts,
                    underscore_numbers=underscore_numbers)
    write_to(m, current(m, "stdout") if stream is None else stream, [text, "\n"], th)


def _pp(m: Machine, th: Thread, obj: Any, *args: Any, sort_dicts: Any = False,
        **kwargs: Any) -> None:
    """`pp`: `pprint` that keeps a dict's order unless told to sort it."""
    _pprint(m, th, obj, *args, sort_dicts=sort_dicts, **kwargs)


TABLE: dict[str, Any] = {
    "pprint": Builtin("pprint", _pprint, "always", "pprint"),
    "pp": Builtin("pp", _pp, "always", "pprint"),
    "pformat": Builtin("pformat", _pformat, "containers", "pprint"),
}
