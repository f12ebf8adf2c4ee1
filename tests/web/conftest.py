"""Fixtures for the web app's tests.

The in-process one (`client`) serves test_pages.py and test_api.py; the browser ones
(`live_server`, `browser`, `page`, `console`) start uvicorn on a free loopback port and drive
Debian's chromium with Playwright for test_browser.py. The helpers they are made of, and the
HTML helpers, are in tests/support (pages, servers, browsing).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.testclient import TestClient

from app.main import create_app
from tests.support.browsing import CHROMIUM, CHROMIUM_ARGS, Console, unavailable
from tests.support.servers import REPO, SERVER_START_SECONDS, UNLIMITED, free_port

# --- in-process client ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    """A TestClient on a fresh app; redirects are not followed so 303s can be checked. Every
    request comes from one client, so the rate limits are lifted (test_rates checks them)."""
    with TestClient(create_app(UNLIMITED), follow_redirects=False) as c:
        yield c


# --- live server and browser --------------------------------------------------------------------

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


