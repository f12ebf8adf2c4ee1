"""`time`: `sleep`, a point where another thread may run. Interleave has no wall clock."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..calls import Builtin
from ..machine import YIELD
from ..values import fail, type_name

if TYPE_CHECKING:
    from ..machine import Machine, Thread

HINT = ("Interleave has no wall clock: time.sleep(seconds) is supported, as a point where "
        "another thread may run.")


def _sleep(m: Machine, th: Thread, seconds: Any) -> None:
    if isinstance(seconds, bool) or not isinstance(seconds, int | float):
        raise fail("TypeError", f"'{type_name(seconds)}' object cannot be interpreted as an "
                                f"integer")
    if seconds < 0:
        raise fail("ValueError", "sleep length must be non-negative")
    th.brk = YIELD  # sleeping releases the GIL


TABLE: dict[str, Any] = {"sleep": Builtin("sleep", _sleep, "always", "time")}
