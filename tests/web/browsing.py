"""Helpers for the browser tests: race-counter stepped by hand, and waiting for a step to be
on screen. Playwright is optional here; the `browser` fixture reports it missing."""

from __future__ import annotations

import re
from typing import Any

try:
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import expect
except ImportError:  # the `browser` fixture reports it: a skip, or a failure when CI=true
    PlaywrightError = Exception  # type: ignore[assignment,misc]
    expect = None  # type: ignore[assignment]

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
