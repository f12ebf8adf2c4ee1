"""The embed builder in headless Chromium: a teacher chooses with the form (no address typed),
the preview follows, and the copied embed code, pasted into a course page served from another
loopback port, shows the chosen options. Swagger UI runs from our files under our CSP."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.servers import serving

try:
    from playwright.sync_api import expect
except ImportError:  # the `browser` fixture reports it
    expect = None  # type: ignore[assignment]

COURSE = """<!doctype html>
<html><head><title>Week 3: races</title><link rel="icon" href="data:,"></head><body>
<h1>Week 3</h1>
{snippet}
</body></html>
"""


@pytest.fixture
def course(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A folder served on http://localhost:PORT (another origin than the app's)."""
    with serving(tmp_path) as root:
        yield tmp_path, f"{root}/course.html"


def test_the_copied_embed_code_shows_the_chosen_options_on_a_course_page(page, live_server,
                                                                          course):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server)
    page.goto("/teach/embed")
    page.get_by_label("Scenario").select_option("race-counter")
    for name in ("step", "policy", "explore"):
        page.locator(f"input[name=show][value={name}]").uncheck()
    page.get_by_label("from step").fill("2")
    page.get_by_label("to step").fill("6")
    page.get_by_label("Theme").select_option("dark")
    page.get_by_label("Play speed").fill("7")
    preview = page.locator("iframe.preview")
    expect(preview).to_have_attribute("src", re.compile(r"speed=7"))
    src = preview.get_attribute("src")
    for part in ("/embed/s/race-counter?", "controls=replay", "start=2", "end=6",
                 "theme=dark"):
        assert part in src, part
    # The builder's address is its state: a reload shows the same choice.
    assert "theme=dark" in page.url and "show=nav" in page.url
    page.reload()
    expect(page.locator("iframe.preview")).to_have_attribute("src", src)
    expect(page.get_by_label("to step")).to_have_value("6")
    # The preview is the embed itself.
    frame = page.frame_locator("iframe.preview")
    expect(frame.locator("#sim")).to_have_attribute("data-first", "2")

    page.get_by_role("button", name="Copy embed code").click()
    expect(page.get_by_role("button", name="Copied ✓")).to_be_visible()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.locator("[data-snippet]").input_value()
    assert f'src="{live_server}/embed/s/race-counter?' in copied

    folder, address = course
    (folder / "course.html").write_text(COURSE.format(snippet=copied), encoding="utf-8")
    page.goto(address)
    widget = page.frame_locator("iframe[data-interleave]")
    sim = widget.locator("#sim")
    expect(sim).to_have_attribute("data-first", "2")
    expect(sim).to_have_attribute("data-last", "6")
    expect(sim).to_have_attribute("data-at", "2")
    expect(sim).to_have_attribute("data-speed", "7")
    expect(widget.locator("html")).to_have_attribute("data-theme", "dark")
    expect(widget.get_by_role("button", name="▶ Play")).to_be_visible()
    assert widget.locator(".button.step").count() == 0
    assert widget.locator(".challenge").count() == 0
    assert widget.locator("select[name=policy]").count() == 0
    assert widget.locator("#explore-button").count() == 0
    # embed.js, loaded by the snippet's script line, sized the frame to its content.
    height = page.locator("iframe[data-interleave]").evaluate("f => f.offsetHeight")
    assert height != 720


def test_the_builder_works_without_script(browser, live_server):
    context = browser.new_context(base_url=live_server, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto("/teach/embed")
        page.get_by_label("Theme").select_option("light")
        page.locator("input[name=show][value=step]").uncheck()
        page.get_by_role("button", name="Update the preview").click()
        page.wait_for_url(re.compile(r"theme=light"))
        src = page.locator("iframe.preview").get_attribute("src")
        assert "theme=light" in src and "controls=nav%2Cplay%2Cscrub%2Cpolicy%2Cexplore" in src
    finally:
        context.close()


def test_swagger_ui_runs_from_our_own_files(page, live_server):
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url))
    page.goto("/docs")
    expect(page.locator("#swagger .opblock-summary-path", has_text="/api/verify")).to_be_visible()
    assert all(url.startswith((live_server, "data:")) for url in asked), asked


def test_timeline_labels_are_short_names_at_360_px(narrow_page):
    narrow_page.goto("/s/race-counter?schedule=a3b5cbac5a3&at=7")
    labels = narrow_page.locator(".timeline th[scope=row]")
    expect(labels.locator(".name-short")).to_have_text(["Main", "T1", "T2"])
    for short in labels.locator(".name-short").all():
        expect(short).to_be_visible()
    assert labels.locator(".name-full").evaluate_all(
        "spans => spans.map(s => s.getBoundingClientRect().width)") == [1, 1, 1]
    assert max(labels.evaluate_all("ths => ths.map(th => th.offsetWidth)")) < 70
    # A screen reader still hears the whole name.
    expect(narrow_page.get_by_role("rowheader", name="Thread-1 (increment)")).to_have_count(1)
