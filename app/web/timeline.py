"""The timeline's rows, from cells rendered once and kept.

A learner's next page shows the same timeline one cell longer, so nearly every cell was
rendered for the page before: memoizing each cell's HTML (by its content and link prefix)
turns the page's largest part from hundreds of template expressions into a join. Cells are
rendered by the `_timeline.html` macros, so the markup still lives in a template.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from .view import Cell

#: Rendered cells kept per worker: a few hundred learners' timelines.
CACHED_CELLS = 20_000


class Timeline:
    def __init__(self, env: Environment) -> None:
        macros: Any = env.get_template("_timeline.html").module

        @lru_cache(maxsize=CACHED_CELLS)
        def cell(c: Cell | int, href: str) -> Markup:
            return Markup(macros.gap(c) if isinstance(c, int) else macros.cell(c, href))

        self._cell = cell

    def rows(self, lanes: list[tuple[str, list[Cell | int]]], href: str
             ) -> list[tuple[str, Markup]]:
        """(thread name, its row's cells as HTML) per lane; `href` + a step number is the
        link to that step."""
        # Every piece is already safe HTML: a plain join, marked safe once (Markup.join
        # would escape each piece again).
        return [(name, Markup("".join([self._cell(c, href) for c in cells])))
                for name, cells in lanes]
