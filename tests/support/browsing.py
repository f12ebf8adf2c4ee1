"""Helpers for the browser tests: the chromium they drive, what its console may report,
race-counter stepped by hand, and waiting for a step to be on screen. Playwright is optional
here; the `browser` fixture reports it missing."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

try:
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import expect
except ImportError:  # the `browser` fixture reports it: a skip, or a failure when CI=true
    PlaywrightError = Exception  # type: ignore[assignment,misc]
    expect = None  # type: ignore[assignment]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


def unavailable(why: str) -> None:
    """No browser: a failure on CI (it must run there), a skip on a developer's machine."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{why} (required when CI=true)")
    pytest.skip(why)


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


T1 = "Thread-1 (increment)"
T2 = "Thread-2 (increment)"
MAIN = "MainThread"
#: race-counter by hand: start both threads, both read 0, then each writes 1 (an update is
#: lost), then each does its second increment alone, then MainThread joins and prints.
HAND = [MAIN] * 3 + [T1, T2, T1, T1, T2, T2] + [T1] * 3 + [T2] * 3 + [MAIN] * 4


def expect_at(page: Any, at: int) -> None:
    """Wait until step `at` is on screen and in the address bar (polled every frame)."""
    try:
        page.wait_for_function(
            """(at) => document.getElementById("sim")?.dataset.at === at
                       && new URLSearchParams(location.search).get("at") === at""",
            arg=str(at), timeout=5_000)
    except PlaywrightError:
        expect(page.locator("#sim")).to_have_attribute("data-at", str(at), timeout=1)
        expect(page).to_have_url(re.compile(rf"[?&]at={at}(&|$)"), timeout=1)
        raise


def step(page: Any, thread: str) -> None:
    page.get_by_role("link", name=f"Step {thread}", exact=True).click()
