"""The path in a real browser (issue 15): a student starts at the first card, takes the
walkthrough, loses an update, is rewarded, goes on to the next challenge, and finds the
progress kept in this browser (and only there) after a reload."""

from __future__ import annotations

from typing import Any

from tests.support.browsing import HAND, expect, expect_at, step

TOUR = "[data-tour]"


def test_a_student_follows_the_path(page: Any) -> None:
    page.goto("/")
    first = page.locator(".path > li").first
    expect(first.locator(".start-here")).to_have_text("Start here")
    expect(page.locator("[data-progress]")).to_be_visible()
    expect(page.locator("[data-progress-count]")).to_have_text("0")
    first.get_by_role("link").click()
    page.wait_for_url("**/s/race-counter")

    # The first visit's walkthrough: not in the way of the keyboard, paged with it.
    tour = page.locator(TOUR)
    expect(tour).to_be_visible()
    expect(tour.locator(".tour-count")).to_have_text("(1 of 4)")
    expect(page.get_by_role("button", name="How to play")).to_be_hidden()
    expect(page.locator(".threads")).to_have_class("threads tour-target")
    tour.get_by_role("button", name="Next ▶").click()
    expect(tour.locator(".tour-count")).to_have_text("(2 of 4)")
    page.keyboard.press("ArrowRight")  # focus is in the walkthrough: it pages, not the run
    page.keyboard.press("ArrowRight")
    expect(tour.locator(".tour-count")).to_have_text("(4 of 4)")
    expect(tour.get_by_role("button", name="Next ▶")).to_be_hidden()  # the last step
    expect(tour.get_by_role("button", name="Got it, let me play")).to_be_focused()
    expect(page.locator(".timeline")).to_have_class("timeline tour-target")
    expect(page.locator("#sim")).to_have_attribute("data-at", "0")
    page.keyboard.press("Escape")
    expect(tour).to_be_hidden()
    expect(page.get_by_role("link", name="Step MainThread", exact=True)).to_be_focused()
    page.reload()
    expect(tour).to_be_hidden()  # remembered
    expect(page.get_by_role("button", name="How to play")).to_be_visible()

    # The race challenge, by hand.
    for n, thread in enumerate(HAND, 1):
        step(page, thread)
        expect_at(page, n)
    reward = page.locator(".reward")
    expect(reward.locator("h2")).to_have_text("✔ Challenge met")
    expect(reward).to_contain_text("Thread-1 (increment) and Thread-2 (increment) both read "
                                   "counter → 0 before either wrote it back")
    expect(reward.locator(".lesson")).to_contain_text("counter += 1 is a read, an add and a write")
    expect(reward.get_by_role("link", name="See every outcome in the explorer")).to_have_attribute(
        "href", "/explore/s/race-counter")
    reward.get_by_role("link", name="Next challenge: Lock: mutual exclusion →").click()
    page.wait_for_url("**/s/lock-counter")
    expect(page.locator("h1")).to_have_text("Lock: mutual exclusion")
    expect(page.locator(TOUR)).to_have_count(0)
    page.reload()

    # Back on the path: the met challenge shows, the next one is up; a reload keeps them.
    page.goto("/")
    for _ in range(2):
        race = page.locator('[data-scenario="race-counter"]')
        expect(race).to_have_class("stop start cleared")
        expect(race.locator("[data-met-badge]")).to_be_visible()
        expect(page.locator('[data-scenario="lock-counter"] [data-next-badge]')).to_be_visible()
        expect(page.locator("[data-progress-count]")).to_have_text("1")
        page.reload()
    assert page.context.cookies() == []  # kept in the browser's storage, never a cookie
    page.get_by_role("button", name="Reset progress").click()
    expect(page.locator("[data-progress-count]")).to_have_text("0")
    expect(page.locator('[data-scenario="race-counter"] [data-met-badge]')).to_be_hidden()
    page.reload()
    expect(page.locator("[data-progress-count]")).to_have_text("0")


def test_the_path_works_without_script(browser: Any, live_server: str) -> None:
    context = browser.new_context(base_url=live_server, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto("/")
        expect(page.locator("[data-progress]")).to_be_hidden()
        page.locator(".path > li").first.get_by_role("link").click()
        page.wait_for_url("**/s/race-counter")
        expect(page.locator(TOUR)).to_be_hidden()
        page.goto("/s/race-counter?schedule=a3bcb2c2b3c3a4")
        page.locator(".reward").get_by_role("link", name="Next challenge", exact=False).click()
        page.wait_for_url("**/s/lock-counter")
    finally:
        context.close()
