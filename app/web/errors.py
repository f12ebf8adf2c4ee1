"""The web layer's one error: a request it cannot serve, with the status and the words to say."""

from __future__ import annotations


class PageError(Exception):
    """Shown as an error page (or JSON under /api) with this status and message, and, where
    there is one, a way on: `way_on` is (address, words), a link the page offers."""

    def __init__(self, status: int, message: str,
                 way_on: tuple[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.way_on = way_on
