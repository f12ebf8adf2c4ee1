"""oEmbed (https://oembed.com): paste a simulator link into a site that speaks it (an LMS, a
blog, a wiki) and it embeds the simulator at that step. Every simulator page names this
endpoint in a discovery `<link>`.

Its answer is absolute (the consumer pastes it into another site): it is built from the
public address in the settings (INTERLEAVE_PUBLIC_URL), never from the request's Host header,
which a client chooses and a cache does not key on. Without that setting it has no answer.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import parse_qs, urlencode, urlsplit

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from .. import scenarios
from .errors import PageError
from .settings import Settings
from .simulator import iframe
from .source import SourceError, decode_source

WIDTH, HEIGHT = 800, 720


def router(settings: Settings) -> APIRouter:
    r = APIRouter()

    @r.get("/oembed", tags=["embed"])
    def oembed(url: Annotated[str, Query(max_length=100_000)],
               format: str = "json", maxwidth: Annotated[int | None, Query(ge=100)] = None,
               maxheight: Annotated[int | None, Query(ge=100)] = None) -> Any:
        """The embed code for a simulator URL of this server (a page or an embed)."""
        if format != "json":
            raise PageError(501, "Only format=json is served.")
        origin = settings.public_url
        if not origin:
            raise PageError(404, "This server does not know its public address "
                                 "(INTERLEAVE_PUBLIC_URL), so it makes no embed code.")
        parts = urlsplit(url)
        if f"{parts.scheme}://{parts.netloc}" != origin:
            raise PageError(404, f"Not a simulator address of {origin}.")
        path = parts.path.removeprefix("/embed")
        query = parse_qs(parts.query)
        title = _title(path, query, settings.budgets.source_bytes)
        width = min(WIDTH, maxwidth or WIDTH)
        height = min(HEIGHT, maxheight or HEIGHT)
        src = f"{origin}/embed{path}?{urlencode(query, doseq=True)}"
        return JSONResponse({
            "version": "1.0", "type": "rich", "provider_name": "Interleave",
            "provider_url": f"{origin}/", "title": title, "width": width, "height": height,
            "html": iframe(src, title, str(width), height), "cache_age": 3600,
        })

    return r


def _title(path: str, query: dict[str, list[str]], max_bytes: int) -> str:
    if path.startswith("/s/"):
        scenario = scenarios.get(path.removeprefix("/s/"))
        if scenario is None:
            raise PageError(404, "There is no such scenario.")
        return scenario.title
    if path == "/p" and query.get("code"):
        try:
            decode_source(query["code"][0], max_bytes)
        except SourceError as e:
            raise PageError(400, str(e)) from None
        return "Your program"
    raise PageError(404, "Not a simulator address: expected /s/… or /p?code=….")
