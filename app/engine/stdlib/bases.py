"""The library's classes a program's class may derive from although the program's own
objects of them are primitives: a `class` statement derives from CPython's Python for them
instead (queue_base.py, threading_base.py, futures_base.py), made for the machine (written.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import containers_base, futures_base, log_classes, queue_base, threading_base, types
from .containers_base import held_items as held_items  # re-exported: what `**x` reads

if TYPE_CHECKING:
    from ..machine import Machine


def written_base(m: Machine, base: Any) -> Any:
    """The class a `class` statement derives from in place of `base`: the written class for
    one of the library's listed, `base` itself for anything else."""
    key = getattr(base, "key", None)
    if key in queue_base.DERIVABLE:
        return queue_base.queue_classes(m)[key]
    if key in threading_base.DERIVABLE:
        return threading_base.event_classes(m)[key]
    if key in types.DERIVABLE:
        return types.namespace_classes(m)[key]
    if key in containers_base.DERIVABLE:
        return containers_base.container_classes(m)[key]
    if key in log_classes.DERIVABLE:
        return log_classes.log_classes(m)[key]
    if key in futures_base.DERIVABLE:
        return futures_base.executor_classes(m)[key]
    return base
