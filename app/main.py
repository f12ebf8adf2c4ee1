"""The web app: `create_app()` builds it; `app` is what uvicorn serves."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse
from fastapi.staticfiles import StaticFiles

from .engine import InterleaveError
from .web import api, pages
from .web.render import ROOT, Renderer


@dataclass(frozen=True)
class Settings:
    static_dir: str = str(ROOT / "static")


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    app = FastAPI(title="Interleave", version="0.1.0", docs_url=None, redoc_url=None,
                  description="Step Python threading programs one atomic action at a time, "
                              "and explore every interleaving.")
    render = Renderer()
    app.include_router(pages.router(render))
    app.include_router(api.router(), prefix="/api")
    app.mount("/static", StaticFiles(directory=settings.static_dir), name="static")

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> PlainTextResponse:
        return PlainTextResponse("ok")

    def wants_json(request: Request) -> bool:
        return request.url.path.startswith("/api/")

    @app.exception_handler(pages.PageError)
    def page_error(request: Request, exc: pages.PageError) -> HTMLResponse:
        return render.page(request, "error.html", status=exc.status, message=exc.message)

    @app.exception_handler(InterleaveError)
    def engine_error(request: Request, exc: InterleaveError) -> HTMLResponse | JSONResponse:
        if wants_json(request):
            return JSONResponse({"error": str(exc)}, status_code=400)
        return render.page(request, "error.html", status=400, message=str(exc))

    @app.exception_handler(RequestValidationError)
    def bad_request(request: Request, exc: RequestValidationError
                    ) -> HTMLResponse | JSONResponse:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}"
                             for e in exc.errors())
        if wants_json(request):
            return JSONResponse({"error": problems}, status_code=422)
        return render.page(request, "error.html", status=422,
                           message=f"This address has a bad parameter: {problems}")

    return app


app = create_app()
