"""`pprint`: `pprint`, `pp` and `pformat`, CPython's own on builtin data (dicts sorted by key,
lines wrapped at `width`); anything holding a value of the program's (an object of its
class, a lock) is shown as `repr` shows it, on one line."""

from __future__ import annotations

import pprint as host
from typing import TYPE_CHECKING, Any

from ..builtin import Builtin
from ..machine import showing
from ..values import fail, quoted
from .json import walk

if TYPE_CHECKING:
    from ..machine import Machine, Thread

HINT = "Supported from pprint: pprint, pp, pformat."


def _pformat(m: Machine, th: Thread, obj: Any, width: Any = 80, sort_dicts: Any = True,
             **kwargs: Any) -> str:
    if width == 0:
        raise fail("ValueError", "width must be != 0")
    if not isinstance(width, int) or not 1 <= width <= 1000:
        raise fail("ValueError", "width must be between 1 and 1000 here")
    if walk(obj, [m.program.budgets.items], set(), sets=True):
        return host.pformat(obj, width=width, sort_dicts=bool(sort_dicts))
    return showing(m, th, quoted, obj, m.program.budgets.output)


def _pprint(m: Machine, th: Thread, obj: Any, width: Any = 80, sort_dicts: Any = True,
            **kwargs: Any) -> None:
    m.write([_pformat(m, th, obj, width, sort_dicts), "\n"])


def _pp(m: Machine, th: Thread, obj: Any, width: Any = 80, sort_dicts: Any = False,
        **kwargs: Any) -> None:
    """`pp`: `pprint` that keeps a dict's order unless told to sort it."""
    _pprint(m, th, obj, width, sort_dicts)


TABLE: dict[str, Any] = {
    "pprint": Builtin("pprint", _pprint, "always", "pprint"),
    "pp": Builtin("pp", _pp, "always", "pprint"),
    "pformat": Builtin("pformat", _pformat, "containers", "pprint"),
}
