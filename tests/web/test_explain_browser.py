"""Predict, then reveal, and Back to the explorer's result, in a real browser."""

from __future__ import annotations

import re
from typing import Any

try:
    from playwright.sync_api import expect
except ImportError:  # the `browser` fixture reports it
    expect = None  # type: ignore[assignment]


def test_predict_then_reveal(page: Any) -> None:
    page.goto("/s/race-counter")
    page.locator("details.predict summary").click()
    for value in ("3", "4", "5"):
        page.locator(f'input[name="predict"][value="{value}"]').check()
    page.get_by_role("button", name="Explore and reveal").click()
    expect(page).to_have_url(re.compile(r"[?&]explore=1.*predict=3"))
    reveal = page.locator("#explore-result .reveal")
    expect(reveal).to_contain_text("2: you missed it")
    expect(reveal).to_contain_text("5: no schedule gives it")
    expect(reveal).to_contain_text("4: you predicted it")
    page.reload()  # the address is the state
    expect(page.locator("#explore-result .reveal")).to_contain_text("2: you missed it")
    expect(page.locator('input[name="predict"][value="3"]')).to_be_checked()


def test_back_returns_to_the_explorers_result(page: Any) -> None:
    page.goto("/s/race-counter")
    page.get_by_role("button", name="Explore all interleavings").click()
    result = page.locator("#explore-result")
    expect(result.locator(".lead")).to_contain_text("3 possible results")
    expect(page).to_have_url(re.compile(r"[?&]explore=1"))
    result.locator(".histogram a").first.click()
    expect(page).to_have_url(re.compile(r"[?&]at=\d+"))
    expect(page.locator("[data-play]")).to_be_visible()
    page.go_back()
    expect(page.locator("#explore-result .lead")).to_contain_text(
        "3 possible results: counter ends as 2, 3 or 4.")
