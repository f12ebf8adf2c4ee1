"""What decides, for the instructions of several modules, whether one is a step."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..calls import (
    CONTAINERS,
)

if TYPE_CHECKING:
    from ..machine import Thread


def _top_is_container(th: Thread) -> bool:
    return isinstance(th.frames[-1].stack[-1], CONTAINERS)


def _top2_container(th: Thread) -> bool:
    s = th.frames[-1].stack
    return isinstance(s[-1], CONTAINERS) or isinstance(s[-2], CONTAINERS)
