"""Embeds in a real course page, and the offline file from file://, in headless Chromium.

The host page is served from another origin (localhost rather than 127.0.0.1, another port),
as a course site would be: two iframes of different scenarios, sized by embed.js from the
widgets' own messages, one driven by postMessage while the other stays put, and the host's
history untouched by stepping inside a widget.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.cli import main
from tests.support.servers import serving

try:
    from playwright.sync_api import expect
except ImportError:  # the `browser` fixture reports it
    expect = None  # type: ignore[assignment]

WIN = "a3b5cbac5a3"
HOST = """<!doctype html>
<html><head><title>Week 3: races</title><link rel="icon" href="data:,"></head><body>
<h1>Week 3</h1>
<iframe id="race" src="{app}/embed/s/race-counter?schedule={win}&at=2&controls=replay"
  title="Interleave: race" width="100%" height="300" data-interleave></iframe>
<iframe id="deadlock" src="{app}/embed/s/deadlock-two-locks" title="Interleave: deadlock"
  width="100%" height="300" data-interleave></iframe>
<script src="{app}/static/embed.js"></script>
<script>
  window.seen = [];
  for (const frame of document.querySelectorAll("iframe")) {{
    for (const type of ["ready", "step", "ended", "challenge-met", "resize"]) {{
      frame.addEventListener(`interleave:${{type}}`,
        (e) => window.seen.push({{frame: frame.id, type, at: e.detail.at}}));
    }}
  }}
</script>
</body></html>
"""


@pytest.fixture(scope="module")
def host(live_server: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A course page on http://localhost:PORT embedding the app from live_server."""
    folder = tmp_path_factory.mktemp("host")
    (folder / "course.html").write_text(HOST.format(app=live_server, win=WIN),
                                        encoding="utf-8")
    with serving(folder) as root:
        yield f"{root}/course.html"


def at(frame: Any) -> int:
    return int(frame.locator("#sim").get_attribute("data-at"))


def seen(page: Any, frame: str, kind: str) -> list[dict]:
    return page.evaluate(f"window.seen.filter(m => m.frame === '{frame}' && m.type === '{kind}')")


def wait_until_both_ready(page: Any) -> None:
    """Both widgets have said they are ready (two loading at once on a busy machine may take
    longer than the default wait)."""
    page.wait_for_function("window.seen.filter(m => m.type === 'ready').length === 2",
                           timeout=30_000)


def test_two_widgets_resize_and_announce_themselves(page: Any, host: str) -> None:
    page.goto(host)
    wait_until_both_ready(page)
    page.wait_for_function("[...document.querySelectorAll('iframe')]"
                           ".every(f => parseInt(f.style.height) > 400)", timeout=30_000)
    race = page.frame_locator("#race")
    expect(race.locator(".embed-bar")).to_contain_text("Race condition")
    frame = page.frame(url=lambda u: "race-counter" in u)
    for _ in range(50):  # the last resize message may still be on its way
        height = page.evaluate("document.getElementById('race').getBoundingClientRect().height")
        content = frame.evaluate("document.querySelector('[data-frame]').scrollHeight")
        if abs(height - content) <= 4:
            break
        page.wait_for_timeout(100)
    assert abs(height - content) <= 4  # no inner scrollbar, no gap
    assert seen(page, "race", "ready")[0]["at"] == 2


def test_the_host_drives_one_widget_and_the_other_stays(page: Any, host: str) -> None:
    page.goto(host)
    wait_until_both_ready(page)
    race, deadlock = page.frame_locator("#race"), page.frame_locator("#deadlock")
    page.evaluate("Interleave.send(document.getElementById('race'), 'goto', {at: 7})")
    expect(race.locator("#sim")).to_have_attribute("data-at", "7")
    page.wait_for_function("window.seen.some(m => m.frame === 'race' && m.type === 'step'"
                           " && m.at === 7)")
    expect(deadlock.locator("#sim")).to_have_attribute("data-at", "0")
    assert seen(page, "deadlock", "step") == []
    # A message of another version is not ours: ignored.
    page.evaluate("document.getElementById('race').contentWindow.postMessage("
                  "{source: 'interleave', version: 2, type: 'goto', at: 1}, '*')")
    page.evaluate("Interleave.send(document.getElementById('race'), 'speed', {speed: 10})")
    page.evaluate("Interleave.send(document.getElementById('race'), 'play')")
    page.wait_for_function("window.seen.some(m => m.frame === 'race' && m.type === 'ended')",
                           timeout=15_000)
    assert seen(page, "race", "challenge-met"), "the winning schedule meets the challenge"
    expect(race.locator("#sim")).to_have_attribute("data-at", "19")
    page.evaluate("Interleave.send(document.getElementById('race'), 'pause')")


def test_stepping_inside_a_widget_leaves_the_hosts_history_alone(page: Any, host: str) -> None:
    page.goto(host)
    wait_until_both_ready(page)
    before = page.evaluate("history.length")
    deadlock = page.frame_locator("#deadlock")
    for n in range(1, 5):
        deadlock.locator('a[data-key="ArrowRight"]').click()  # Step ▶, then Forward ▶
        expect(deadlock.locator("#sim")).to_have_attribute("data-at", str(n))
    deadlock.get_by_role("link", name="◀ Back").click()
    expect(deadlock.locator("#sim")).to_have_attribute("data-at", "3")
    deadlock.get_by_role("button", name="Explore all interleavings").click()
    deadlock.get_by_role("link", name="show a schedule that deadlocks").click()
    expect(deadlock.locator(".outcome")).to_contain_text("Deadlock")
    assert page.evaluate("history.length") == before
    assert page.url == host
    page.wait_for_function("window.seen.filter(m => m.frame === 'deadlock'"
                           " && m.type === 'step').length >= 5")


def test_keys_work_only_in_the_focused_widget(page: Any, host: str) -> None:
    page.goto(host)
    wait_until_both_ready(page)
    race, deadlock = page.frame_locator("#race"), page.frame_locator("#deadlock")
    race.locator(".embed-bar strong").click()
    page.keyboard.press("ArrowRight")
    expect(race.locator("#sim")).to_have_attribute("data-at", "3")
    expect(deadlock.locator("#sim")).to_have_attribute("data-at", "0")


def test_the_offline_file_replays_from_file_url(page: Any, tmp_path: Path) -> None:
    out = tmp_path / "lesson.html"
    assert main(["export", "race-counter", "--schedule", WIN, "--at", "2", "-o",
                 str(out)]) == 0
    page.goto(out.as_uri())
    page.wait_for_selector("html[data-ready]")
    sim = page.locator("#sim")
    expect(sim).to_have_attribute("data-at", "2")
    page.keyboard.press("ArrowRight")
    expect(sim).to_have_attribute("data-at", "3")
    page.get_by_role("link", name="Forward ▶").click()
    expect(sim).to_have_attribute("data-at", "4")
    page.locator(".timeline .cell a").first.click()
    expect(sim).to_have_attribute("data-at", "1")
    page.keyboard.press("End")
    expect(sim).to_have_attribute("data-at", "19")
    expect(page.locator(".outcome")).to_contain_text("Finished after 19 steps")
    expect(page.locator(".challenge .met")).to_be_visible()
    page.go_back()
    expect(sim).to_have_attribute("data-at", "1")
    page.locator("[data-scrub]").fill("9")
    page.locator("[data-scrub]").dispatch_event("change")
    expect(sim).to_have_attribute("data-at", "9")
    page.keyboard.press(" ")  # play to the end
    expect(sim).to_have_attribute("data-at", "19", timeout=15_000)
