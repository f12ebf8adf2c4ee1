"""Rendering: one Jinja environment, whole pages or the simulator fragment.

htmx asks for the fragment when it swaps part of the page (`HX-Request-Type: partial`); a
history restore or a plain link gets the whole page. Both come from the same template, the
fragment being its `sim` block, so they cannot drift apart.

Every page is a pure function of its URL, so successful responses carry an ETag (a repeat
request costs a 304) and may be cached by browsers, proxies and CDNs.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from jinja2_fragments import render_block
from markupsafe import Markup

from .assets import Assets
from .errors import WayOn
from .markdown import inline, plain
from .timeline import Timeline, short_name

_PACKAGE = Path(__file__).resolve().parent.parent


def _shipped(name: str) -> Path:
    """`templates/` or `static/`: inside the package in an installed wheel (the build maps
    them there), at the repository's top level in a checkout."""
    inside = _PACKAGE / name
    return inside if inside.is_dir() else _PACKAGE.parent / name


TEMPLATES = _shipped("templates")
STATIC = _shipped("static")
HTMX = "htmx-4.0.1.min.js"
#: Pages change only with a new release; a CDN revalidates them with the ETag after this.
PAGE_CACHE = "public, max-age=600"
#: Rendered code listings kept per worker (one per program, thread and line): the scenarios'
#: few hundred, and few enough that long programs cannot hold much memory.
CACHED_LISTINGS = 256


def static_assets() -> Assets:
    return Assets(STATIC)


class Renderer:
    def __init__(self, assets: Assets, embed_origins: str = "*",
                 templates: Path = TEMPLATES) -> None:
        self.env = Environment(loader=FileSystemLoader(templates), autoescape=True,
                               undefined=StrictUndefined, trim_blocks=True,
                               lstrip_blocks=True, auto_reload=False)
        # Scenario text: escaped, then its inline Markdown (`plain`: its marks left out).
        self.env.filters.update(md=inline, plain=plain)
        code: Any = self.env.get_template("_code.html").module

        # A thread's listing changes only with its line: a page's threads are nearly always
        # ones rendered before.
        @lru_cache(maxsize=CACHED_LISTINGS)
        def listing(lines: tuple[str, ...], first: int, last: int, here: int | None,
                    crashed: bool = False) -> Markup:
            return Markup(code.listing(lines, first, last, here, crashed))

        self.env.filters["short_name"] = short_name  # before Timeline compiles _timeline.html
        self.env.globals.update(htmx=HTMX, asset=assets.url, embed_origins=embed_origins,
                                timeline=Timeline(self.env).rows, listing=listing)
        for name in self.env.list_templates(extensions=["html"]):
            self.env.get_template(name)  # compiled now, not by the first learners at once

    def page(self, request: Request, template: str, status: int = 200,
             **context: Any) -> Response:
        return cached(request, self.text(template, **context), status)

    def text(self, template: str, **context: Any) -> str:
        return self.env.get_template(template).render(**context)

    def block(self, template: str, block: str, **context: Any) -> str:
        return render_block(self.env, template, block, **context)

    def sim(self, request: Request, **context: Any) -> Response:
        if request.headers.get("HX-Request-Type") == "partial":
            return cached(request, self.block("simulator.html", "sim", **context), 200)
        return self.page(request, "simulator.html", **context)

    def error(self, request: Request, status: int, message: str,
              way_on: WayOn | None = None) -> Response:
        """An error page; for an htmx swap of the simulator, an error in its place. A program
        from the address stays one click away: its text is never lost to an error; `way_on`
        is a link that gets past the error (a schedule's part that can be followed)."""
        code = request.query_params.get("code")
        edit = "/edit?" + urlencode({"code": code}) if code else None
        context = {"message": message, "edit": edit, "way_on": way_on}
        if request.headers.get("HX-Request-Type") == "partial":
            html = self.block("error.html", "sim", **context)
        else:
            html = self.text("error.html", **context)
        return cached(request, html, status)


def cached(request: Request, html: str, status: int, store: bool = True) -> Response:
    """An HTML response; a successful one with its ETag and cache lifetime (a 304 when the
    client has it already), anything else never stored."""
    headers = {"Vary": "HX-Request, HX-Request-Type"}
    if status != 200 or not store or request.method != "GET":
        headers["Cache-Control"] = "no-store"
        return HTMLResponse(html, status_code=status, headers=headers)
    body = html.encode()
    etag = '"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"'
    headers.update({"ETag": etag, "Cache-Control": PAGE_CACHE})
    if etag in request.headers.get("If-None-Match", ""):
        return Response(status_code=304, headers=headers)
    return HTMLResponse(body, status_code=status, headers=headers)
