"""Why the web layer cannot answer with a page now: a request it cannot serve (the status and
the words to say), or a page whose run is not ready yet."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple


class WayOn(NamedTuple):
    """A link an error page offers to what can be shown (the part of a run that can)."""

    href: str
    words: str


class PageError(Exception):
    """Shown as an error page (or JSON under /api) with this status and message, and, where
    there is one, a way on (`WayOn`), a link the page offers."""

    def __init__(self, status: int, message: str, way_on: WayOn | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.way_on = way_on


class Pending(Exception):  # noqa: N818 (not an error: the page is not ready yet)
    """A policy's run that one request had no time to finish: the same address asked again
    goes on with it (the server keeps it), so the answer is a redirect to itself. `steps`
    it has taken so far, and `cut`, the text of a schedule's first steps."""

    def __init__(self, steps: int, cut: Callable[[int], str]) -> None:
        super().__init__(f"{steps:,} steps so far")
        self.steps, self.cut = steps, cut
