# Interleave: the web app on port 8000, served by uvicorn with several workers.
# Stage 1 builds the wheel (templates and static files inside the package); stage 2 installs
# only that wheel: no source tree in the image.
FROM python:3.13-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY app ./app
COPY static ./static
COPY templates ./templates
RUN pip install --no-cache-dir build && python -m build --wheel --outdir /dist

# CPython 3.13 serves: the engine's oracle, whose grammar (f-strings that reuse their quotes)
# and error wording a program then meets as it would at home.
FROM python:3.13-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PYTHONHASHSEED=0
COPY --from=build /dist /dist
# pip compiles the bytecode as it installs; the app runs as a user who cannot write it.
RUN whl=$(ls /dist/interleave-*.whl) && pip install --no-cache-dir "$whl[redis]" \
    && rm -rf /dist && useradd --system --uid 10001 interleave
WORKDIR /srv/interleave
USER interleave
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2)"
# Behind a proxy or load balancer, name it in INTERLEAVE_TRUSTED_PROXIES (its address as the
# container sees it) so that rate limits count its clients, not the proxy; no proxy is trusted
# by default, so no client can choose its own address. Set INTERLEAVE_PUBLIC_URL for absolute
# share links and oEmbed, INTERLEAVE_RATE_LIMIT_STORAGE=redis://… to share the rate limits
# between replicas, and INTERLEAVE_FRAME_ANCESTORS to restrict who may embed (docs/deploy.md).
# `interleave serve` checks the settings and scenarios once, before any worker starts: a bad
# value stops the container with one line instead of restarting workers forever.
CMD ["python", "-m", "app.cli", "serve", "--host", "0.0.0.0", "--port", "8000", "--workers", "2"]
