"""Rendering: one Jinja environment, whole pages or the simulator fragment.

htmx asks for the fragment when it swaps part of the page (`HX-Request-Type: partial`); a
history restore or a plain link gets the whole page. Both come from the same template, the
fragment being its `sim` block, so they cannot drift apart.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from jinja2_fragments import render_block

ROOT = Path(__file__).resolve().parent.parent.parent
HTMX = "htmx-4.0.1.min.js"


class Renderer:
    def __init__(self, templates: Path = ROOT / "templates") -> None:
        self.env = Environment(loader=FileSystemLoader(templates), autoescape=True,
                               undefined=StrictUndefined, trim_blocks=True,
                               lstrip_blocks=True)
        self.env.globals["htmx"] = HTMX

    def page(self, request: Request, template: str, status: int = 200,
             **context: Any) -> HTMLResponse:
        html = self.env.get_template(template).render(**context)
        return _html(html, status)

    def sim(self, request: Request, **context: Any) -> HTMLResponse:
        if request.headers.get("HX-Request-Type") == "partial":
            html = render_block(self.env, "simulator.html", "sim", **context)
        else:
            html = self.env.get_template("simulator.html").render(**context)
        return _html(html, 200)

    def error(self, request: Request, status: int, message: str) -> HTMLResponse:
        """An error page; for an htmx swap of the simulator, an error in its place."""
        if request.headers.get("HX-Request-Type") == "partial":
            html = render_block(self.env, "error.html", "sim", message=message)
        else:
            html = self.env.get_template("error.html").render(message=message)
        return _html(html, status)

    def fragment(self, request: Request, template: str, **context: Any) -> HTMLResponse:
        return _html(self.env.get_template(template).render(**context), 200)


def _html(html: str, status: int) -> HTMLResponse:
    response = HTMLResponse(html, status_code=status)
    response.headers["Vary"] = "HX-Request, HX-Request-Type"
    return response
