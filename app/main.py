"""The web app: `create_app()` builds it; `app` is what uvicorn serves."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import lru_cache
from pathlib import Path

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from . import scenarios
from .engine import InterleaveError
from .web import api, oembed, pages, teach
from .web.assets import Assets
from .web.dispatch import Isolated, ready
from .web.errors import PageError, WayOn
from .web.head import HeadAsGet
from .web.headers import SecurityHeaders
from .web.limits import Busy, Limits
from .web.rates import RateLimits, Rates
from .web.render import Renderer
from .web.replay import Replays, compiled
from .web.sandbox import Limits as SandboxLimits
from .web.sandbox import Sandbox
from .web.settings import Settings, SettingsError

#: Threads serving pages at once in one worker (measured: 1 leaves the CPU idle while a
#: response is sent, 40 lose a quarter of it to GIL hand-offs).
PAGE_THREADS = 3


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    # Pages are CPU-bound Python: threads only take turns at the GIL. A few at a time, first
    # come first served, answer sooner than forty time-slicing each other.
    anyio.to_thread.current_default_thread_limiter().total_tokens = PAGE_THREADS
    sandbox = getattr(app.state, "sandbox", None)
    if sandbox is None:  # a sandbox's child: it has no sandbox of its own
        yield
        return
    await anyio.to_thread.run_sync(sandbox.start)
    try:
        yield
    finally:
        sandbox.close()


def create_app(settings: Settings | None = None) -> FastAPI:
    """The app a worker serves: `routes`, with every request that compiles or runs a
    program answered in the sandbox."""
    settings = settings or Settings.from_env()
    app = routes(settings)
    sandbox = app.state.sandbox = Sandbox(settings.sandboxes, SandboxLimits(
        settings.request_seconds, settings.request_memory_mb * 2**20,
        settings.recycle_mb * 2**20), warm=(ready, (routes, settings)))
    app.add_middleware(Isolated, sandbox=sandbox, build=routes, settings=settings,
                       error_page=app.state.error_page)
    app.add_middleware(RateLimits, rates=Rates(settings), error_page=app.state.error_page)
    app.add_middleware(SecurityHeaders, frame_ancestors=settings.frame_ancestors,
                       max_url=settings.max_url, max_body=settings.max_body)
    app.add_middleware(HeadAsGet)
    return app


def routes(settings: Settings) -> FastAPI:
    """The pages, the API and their error handlers: what a sandbox's child runs."""
    app = FastAPI(lifespan=_lifespan, title="Interleave", version="0.1.0", docs_url=None,
                  redoc_url=None,
                  max_body_size=4 * settings.max_body,  # a backstop for chunked bodies
                  description="Step Python threading programs one atomic action at a time, "
                              "and explore every interleaving.")
    assets, render = _rendering(settings.static_dir, settings.frame_ancestors)
    limits = app.state.limits = Limits.of(settings.explorers)
    replays = app.state.replays = Replays()  # the machines kept for the next page
    for scenario in scenarios.catalog().values():  # compiled before the first request
        try:
            compiled(scenario.source, f"{scenario.id}.py", settings.budgets)
        except InterleaveError as e:
            raise SettingsError(f"the scenario {scenario.id!r} does not compile within these "
                                f"budgets: {e}") from None
    app.include_router(pages.router(render, limits, replays, settings))
    app.include_router(api.router(limits, settings), prefix="/api")
    app.include_router(assets.router())
    app.include_router(oembed.router(settings))
    app.include_router(teach.router(render, settings))

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> PlainTextResponse:
        return PlainTextResponse("ok")

    def wants_json(request: Request) -> bool:
        return request.url.path.startswith(("/api/", "/oembed"))

    def error(request: Request, status: int, message: str,
              way_on: WayOn | None = None) -> Response:
        if wants_json(request):
            return JSONResponse({"error": message}, status_code=status)
        return render.error(request, status, message, way_on)

    app.state.error_page = error

    @app.exception_handler(PageError)
    def page_error(request: Request, exc: PageError) -> Response:
        response = error(request, exc.status, exc.message, exc.way_on)
        if isinstance(exc, Busy):
            response.headers["Retry-After"] = str(exc.retry_after)
        return response

    @app.exception_handler(InterleaveError)
    def engine_error(request: Request, exc: InterleaveError) -> Response:
        return error(request, 400, str(exc))

    @app.exception_handler(StarletteHTTPException)
    def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        messages = {404: "There is no page at this address.",
                    405: f"{request.method} is not allowed here."}
        return error(request, exc.status_code, messages.get(exc.status_code, str(exc.detail)))

    @app.exception_handler(RequestValidationError)
    def bad_request(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(_problem(e) for e in exc.errors())
        if wants_json(request):
            return error(request, 422, problems)
        return error(request, 422, f"This address has a bad parameter: {problems}")

    return app


@lru_cache(maxsize=4)
def _rendering(static_dir: str, frame_ancestors: str) -> tuple[Assets, Renderer]:
    """Templates compiled once per process: the fork server compiles them for its children
    when it imports this module, so a fresh child is ready in milliseconds."""
    assets = Assets(Path(static_dir))
    return assets, Renderer(assets, frame_ancestors)


def _problem(e: dict) -> str:
    where = ".".join(str(p) for p in e["loc"][1:])
    return f"{where}: {e['msg']}" if where else str(e["msg"])


try:
    app = create_app()
except SettingsError as e:  # one line, not a traceback, from uvicorn and its workers
    raise SystemExit(f"interleave: {e}") from None
