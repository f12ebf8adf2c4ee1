"""Fixtures for the web app's tests.

The in-process ones (`client`, the HTML helpers) serve test_pages.py and test_api.py; the
browser ones (`live_server`, `browser`, `page`, `console`) start uvicorn on a free loopback
port and drive Debian's chromium with Playwright for test_browser.py.
"""

from __future__ import annotations

import asyncio
import html
import http.server
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from app.main import Settings, create_app
from app.web.source import encode_source

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
SERVER_START_SECONDS = 30.0
#: A configured server (its public address is the test client's) whose rate limits one
#: client never reaches (test_rates checks them).
UNLIMITED = Settings(steps_per_minute=1_000_000, runs_per_minute=100_000,
                     explores_per_minute=100_000, public_url="http://testserver")


# --- in-process client ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    """A TestClient on a fresh app; redirects are not followed so 303s can be checked. Every
    request comes from one client, so the rate limits are lifted (test_rates checks them)."""
    with TestClient(create_app(UNLIMITED), follow_redirects=False) as c:
        yield c


def run_async(coroutine: Any) -> Any:
    """asyncio.run in a thread of its own: the browser tests keep a loop in the main one."""
    result: list[Any] = []
    worker = threading.Thread(target=lambda: result.append(asyncio.run(coroutine)))
    worker.start()
    worker.join(30)
    return result[0]


def enc(source: str) -> str:
    """A program's `code` parameter, as the editor's redirect makes it."""
    return encode_source(source)


class _Links(HTMLParser):
    """Every URL a page refers to: href, src, hx-get and data-href attributes."""

    ATTRS = ("href", "src", "hx-get", "data-href")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in self.ATTRS and value is not None:
                self.urls.append(value)


def links(page: str) -> list[str]:
    """The URLs in a page, in order, with character references decoded."""
    parser = _Links()
    parser.feed(page)
    parser.close()
    return parser.urls


def control(page: str, key: str) -> str | None:
    """The href of the step control bound to keyboard `key` (data-key), or None if disabled."""
    for tag in re.findall(r"<a [^>]*>", page):
        if f'data-key="{key}"' in tag:
            return html.unescape(re.search(r'href="([^"]*)"', tag).group(1))
    return None


def step_link(page: str, thread: str) -> str | None:
    """The href of the "Step <thread>" button, or None when that thread cannot move."""
    match = re.search(r'<a class="button step" href="([^"]*)"[^>]*>Step ' + re.escape(thread)
                      + r'(?: <kbd aria-hidden="true">\d</kbd>)?</a>', page)
    return html.unescape(match.group(1)) if match else None


def sim_state(page: str) -> tuple[int, int]:
    """(at, total) from the `#sim` element's data attributes."""
    match = re.search(r'<div id="sim" class="sim" data-at="(\d+)" data-total="(\d+)"', page)
    assert match, "no #sim element on the page"
    return int(match.group(1)), int(match.group(2))


def live_text(page: str) -> str:
    match = re.search(r'<p class="live"[^>]*>(.*?)</p>', page, re.S)
    assert match, "no .live element on the page"
    return html.unescape(match.group(1))


def alert_text(page: str) -> str:
    """The text of the page's role=alert element (error page or editor message)."""
    match = re.search(r'role="alert">(.*?)</(?:p|div)>', page, re.S)
    assert match, "no role=alert element on the page"
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", match.group(1))).split())


def here_lines(page: str) -> list[str]:
    """The source lines highlighted as each thread's next line, in thread order."""
    return [html.unescape(code) for code in
            re.findall(r'<li class="here" aria-current="step"><code>(.*?)</code></li>', page)]


def output_text(page: str) -> str | None:
    """What the output pane shows as printed, its lines joined (None: no line printed)."""
    match = re.search(r'<ol class="output">(.*?)</ol>', page, re.S)
    lines = re.findall(r"<samp>(.*?)</samp>", match.group(1), re.S) if match else []
    return html.unescape("\n".join(lines)) if lines else None


def output_lines(page: str) -> list[tuple[str, str, str]]:
    """The output pane's lines as (stream, who printed it, text)."""
    match = re.search(r'<ol class="output">(.*?)</ol>', page, re.S)
    found = re.findall(r'<li class="(stdout|stderr)[^"]*"><span class="who">([^<]*)<.*?'
                       r'<samp>(.*?)</samp></li>', match.group(1) if match else "", re.S)
    return [(stream, html.unescape(who), html.unescape(text)) for stream, who, text in found]


# --- live server and browser --------------------------------------------------------------------

def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def unavailable(why: str) -> None:
    """No browser: a failure on CI (it must run there), a skip on a developer's machine."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{why} (required when CI=true)")
    pytest.skip(why)


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """uvicorn serving app.main:app on a free loopback port; yields its base URL."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log_path = tmp_path_factory.mktemp("uvicorn") / "server.log"
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "app.main:app", "--host", "127.0.0.1",
             "--port", str(port), "--log-level", "warning"],
            cwd=REPO, stdout=log, stderr=subprocess.STDOUT,
            env={**os.environ, "INTERLEAVE_EXPLORES_PER_MINUTE": "100000",
                 "INTERLEAVE_RUNS_PER_MINUTE": "100000",
                 "INTERLEAVE_STEPS_PER_MINUTE": "1000000"})
        try:
            deadline = time.monotonic() + SERVER_START_SECONDS
            while True:
                if proc.poll() is not None:
                    pytest.fail(f"uvicorn exited with {proc.returncode}:\n"
                                f"{log_path.read_text(errors='replace')}")
                try:
                    with urllib.request.urlopen(f"{base}/healthz", timeout=1) as r:
                        if r.status == 200 and r.read() == b"ok":
                            break
                except (urllib.error.URLError, ConnectionError, TimeoutError):
                    pass
                if time.monotonic() > deadline:
                    pytest.fail(f"uvicorn did not answer /healthz within "
                                f"{SERVER_START_SECONDS:.0f} s")
                time.sleep(0.1)
            yield base
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        unavailable(f"{CHROMIUM} is missing")
    try:
        from playwright.sync_api import expect, sync_playwright
    except ImportError:
        unavailable("playwright is not installed")
    expect.set_options(timeout=10_000)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@dataclass
class Console:
    """Errors the page reported: console.error messages and uncaught exceptions."""

    errors: list[str] = field(default_factory=list)
    allowed: list[str] = field(default_factory=list)
    checked: bool = False

    def allow(self, pattern: str) -> None:
        """Expect messages matching this regex (e.g. the console line a 400 page causes)."""
        self.allowed.append(pattern)

    def unexpected(self) -> list[str]:
        return [e for e in self.errors if not any(re.search(p, e) for p in self.allowed)]

    def assert_clean(self) -> None:
        self.checked = True
        assert self.unexpected() == [], "errors in the browser console"


@pytest.fixture
def console() -> Console:
    return Console()


def _open_page(browser: Any, console: Console, **context_options: Any) -> Iterator[Any]:
    context = browser.new_context(**context_options)
    page = context.new_page()
    page.set_default_timeout(10_000)

    def on_console(msg: Any) -> None:
        if msg.type == "error":
            where = msg.location.get("url", "") if msg.location else ""
            console.errors.append(f"console.error: {msg.text} [{where}]")

    page.on("console", on_console)
    page.on("pageerror", lambda exc: console.errors.append(f"uncaught: {exc}"))
    try:
        yield page
    finally:
        context.close()


@pytest.fixture
def page(browser: Any, live_server: str, console: Console,
         request: pytest.FixtureRequest) -> Iterator[Any]:
    """A fresh browser tab (own history) whose console errors fail the test."""
    yield from _open_page(browser, console, base_url=live_server,
                          viewport={"width": 1280, "height": 900})
    _check_console(console, request)


@pytest.fixture
def narrow_page(browser: Any, live_server: str, console: Console,
                request: pytest.FixtureRequest) -> Iterator[Any]:
    """A phone-sized tab: 360 CSS pixels wide."""
    yield from _open_page(browser, console, base_url=live_server,
                          viewport={"width": 360, "height": 740})
    _check_console(console, request)


def _check_console(console: Console, request: pytest.FixtureRequest) -> None:
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.passed and not console.checked:
        console.assert_clean()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    """Keep the call phase's report on the item, for the console check at teardown."""
    report = yield
    if report.when == "call":
        item.rep_call = report  # type: ignore[attr-defined]
    return report


@contextmanager
def serving(folder: Path) -> Iterator[str]:
    """`folder`'s files on http://localhost:PORT: a course page on another origin than the
    app's (127.0.0.1), for embeds. Yields the address of the folder's root."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, directory=str(folder), **kwargs)

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://localhost:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
