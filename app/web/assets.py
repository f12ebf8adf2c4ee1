"""Static files under versioned names, so browsers and CDNs may keep them for a year.

`url("app.css")` is `/static/app.3f9c2e1a.css`, the digest of its content: a new release gets
new names, so nothing stale is ever served. The plain name still works, with a short cache
life, for the one file other sites link to by name (`embed.js`).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse, Response

from .errors import PageError

LONG = "public, max-age=31536000, immutable"
SHORT = "public, max-age=3600"
_VERSIONED = re.compile(r"(?P<stem>.+)\.(?P<digest>[0-9a-f]{10})(?P<suffix>\.[a-z0-9]+)")


class Assets:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.digests = {p.name: hashlib.sha256(p.read_bytes()).hexdigest()[:10]
                        for p in directory.iterdir() if p.is_file()}

    def url(self, name: str) -> str:
        path = Path(name)
        return f"/static/{path.stem}.{self.digests[name]}{path.suffix}"

    def router(self) -> APIRouter:
        r = APIRouter()

        @r.get("/static/{filename}", include_in_schema=False)
        def static(filename: str) -> Response:
            cache = SHORT
            if filename not in self.digests:
                match = _VERSIONED.fullmatch(filename)
                if not match or self.digests.get(
                        name := match["stem"] + match["suffix"]) != match["digest"]:
                    raise PageError(404, f"There is no file {filename!r} here.")
                filename, cache = name, LONG
            return FileResponse(self.directory / filename, headers={"Cache-Control": cache})

        @r.get("/favicon.ico", include_in_schema=False)
        def favicon() -> Response:
            """Browsers and crawlers ask here whatever the page's <link rel=icon> says."""
            return FileResponse(self.directory / "favicon.svg", media_type="image/svg+xml",
                                headers={"Cache-Control": SHORT})

        return r
