"""The pages for teachers: what Interleave offers a course, the embed builder, and the API's
documentation for people (the JSON API in Swagger UI, served from our own files, and the
widget's postMessage API)."""

from __future__ import annotations

from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from .. import scenarios
from .builder import CHOICES, LABELS, THEMES, Choice, LinkError
from .render import Renderer
from .settings import Settings
from .simulator import iframe

#: Swagger UI's files, vendored from the swagger-ui-dist package of this version.
SWAGGER = "5.36.0"


def router(render: Renderer, settings: Settings) -> APIRouter:
    r = APIRouter(include_in_schema=False)

    @r.get("/teach", response_class=HTMLResponse, include_in_schema=False)
    def teach(request: Request) -> Response:
        return render.page(request, "teach.html", origin=_origin(request, settings))

    @r.get("/teach/embed", response_class=HTMLResponse, include_in_schema=False)
    def embed_builder(request: Request) -> Response:
        choice = Choice.of(parse_qs(request.url.query, keep_blank_values=True))
        origin = _origin(request, settings)
        try:
            built, problem = choice.build(settings), ""
        except LinkError as e:
            built, problem = None, str(e)
        snippet = (iframe(built.url(origin), built.title)
                   + f'\n<script src="{origin}/static/embed.js" defer></script>') if built else ""
        return render.page(request, "builder.html", choice=choice, built=built,
                           problem=problem, snippet=snippet,
                           scenarios=scenarios.catalog().values(), choices=CHOICES,
                           labels=LABELS, themes=THEMES)

    @r.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def api_docs(request: Request) -> Response:
        return render.page(request, "api_docs.html", swagger=SWAGGER)

    return r


def _origin(request: Request, settings: Settings) -> str:
    """The address an embed code points at: the configured public one, else this request's
    own (a page of a server that does not know its public address is not for sharing far)."""
    return settings.public_url or str(request.base_url).rstrip("/")
