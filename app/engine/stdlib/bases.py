"""The library's classes a program's class may derive from although the program's own
objects of them are primitives: a `class` statement derives from CPython's Python for them
instead (queue_base.py, threading_base.py, futures_base.py), made for the machine (written.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from . import (
    containers_base,
    futures_base,
    json,
    log_classes,
    queue_base,
    string,
    threading_base,
    types,
)
from .containers_base import held_items as held_items  # re-exported: what `**x` reads

if TYPE_CHECKING:
    from ..classes import UserClass
    from ..machine import Machine


def written_base(m: Machine, base: Any) -> Any:
    """The class a `class` statement derives from in place of `base`: the written class for
    one of the library's listed, `base` itself for anything else."""
    key: Any = getattr(base, "key", None)
    for derivable, classes in _WRITTEN:
        if key in derivable:
            return classes(m)[key]
    return base


#: Per module of written classes: the keys of the library's classes it writes, and what
#: makes them for a machine.
_WRITTEN: tuple[tuple[Any, Callable[[Machine], dict[str, UserClass]]], ...] = (
    (queue_base.DERIVABLE, queue_base.queue_classes),
    (threading_base.DERIVABLE, threading_base.event_classes),
    (types.DERIVABLE, types.namespace_classes),
    (containers_base.DERIVABLE, containers_base.container_classes),
    (log_classes.DERIVABLE, log_classes.log_classes),
    (futures_base.DERIVABLE, futures_base.executor_classes),
    (json.DERIVABLE, json.json_classes),
    (string.DERIVABLE, string.string_classes),
)
