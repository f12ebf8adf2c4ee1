"""The app in a real browser: Playwright drives Debian's chromium against uvicorn.

Every test collects the page's console errors and uncaught exceptions (the `page` fixture)
and fails when there are any it did not expect.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

from app.web.source import encode_source
from tests.support.browsing import (
    HAND,
    MAIN,
    T1,
    T2,
    Console,
    PlaywrightError,
    expect,
    expect_at,
    step,
)

LOST_AT = 9  # Thread-2's first write overwrites Thread-1's
BAD_STATUS_400 = r"status of 400 \(Bad Request\) \[http://127\.0\.0\.1:\d+/edit\]"

#: What the simulator shows: the state a reload or a history step must reproduce.
SNAPSHOT = """() => {
  const sim = document.getElementById("sim");
  const text = (el) => el ? el.textContent.replace(/\\s+/g, " ").trim() : null;
  return {
    sims: document.querySelectorAll("#sim").length,
    headers: document.querySelectorAll("header.top").length,
    at: sim && sim.dataset.at, total: sim && sim.dataset.total,
    label: text(document.querySelector("#sim .scrub label")),
    live: text(document.querySelector("#sim .live")),
    here: [...document.querySelectorAll("#sim .thread")].map((t) => [
      text(t.querySelector("h2")), text(t.querySelector(".badge")),
      [...t.querySelectorAll(".code li.here")].map((li) => li.textContent)]),
    shared: text(document.querySelector("#sim .vars")),
    output: text(document.querySelector("#sim .output")),
    cells: [...document.querySelectorAll("#sim .timeline td.cell")].map(text),
  };
}"""


def snapshot(page: Any) -> str:
    return page.evaluate(f"JSON.stringify(({SNAPSHOT})())")


def expect_snapshot(page: Any, want: str, url: str) -> None:
    """Wait until the page shows exactly `want` at `url` (history restores are async)."""
    try:
        page.wait_for_function(
            f"([want, url]) => location.href === url && JSON.stringify(({SNAPSHOT})()) === want",
            arg=[want, url], timeout=5_000)
    except PlaywrightError:
        assert page.evaluate("location.href") == url
        assert json.loads(snapshot(page)) == json.loads(want)


def test_lose_an_update_by_hand(page: Any) -> None:
    page.goto("/s/race-counter")
    expect(page.locator(".live")).to_have_text("Nothing has run yet: pick a thread.")
    urls = [page.url]
    for n, thread in enumerate(HAND, 1):
        step(page, thread)
        expect_at(page, n)
        assert page.url not in urls, "every click pushes a new URL"
        urls.append(page.url)
        if n == 7:  # Thread-1 wrote 1 while Thread-2 still holds the 0 it read
            expect(page.locator(".thread", has_text=T2).locator(".register.stale")).to_contain_text(
                "holds 0 (from step 5: read counter → 0) (stale: another thread wrote since it "
                f"read: {T1} wrote counter ← 1 at step 7)")
        if n == LOST_AT:
            expect(page.locator(".live")).to_have_text(re.compile(
                rf"^Step 9: {re.escape(T2)}: write counter ← 1 — Lost update: {re.escape(T2)} "
                rf"read counter at step 5, then {re.escape(T1)} wrote counter at step 7 "))
            expect(page.locator(".timeline td.cell.lost")).to_have_text(["✗ W counter=1"])
            expect(page.locator(".vars div", has_text="counter").locator("dd")).to_have_text("1")
    outcome = page.locator(".outcome")
    expect(outcome.locator("h2")).to_have_text(f"Finished after {len(HAND)} steps")
    printed = page.locator(".printed .output samp").inner_text()
    assert int(printed) < 4
    assert printed == "3"
    expect(outcome).to_contain_text("1 lost update (marked ✗ in the timeline).")
    expect(page.locator(".timeline td.cell.lost")).to_have_text(["✗ W counter=1"])
    expect(page.locator(".challenge .met")).to_have_text("✔ met")
    expect(page.locator("a.step")).to_have_count(0)  # every thread has finished


def test_history_and_reload_reproduce_the_screen(page: Any) -> None:
    page.goto("/s/race-counter")
    shots = [(page.url, snapshot(page))]
    for n, thread in enumerate([MAIN, MAIN, MAIN, T1, T2, T1], 1):
        step(page, thread)
        expect_at(page, n)
        shots.append((page.url, snapshot(page)))
    assert len({s for _, s in shots}) == len(shots), "every step shows something new"
    assert len({u for u, _ in shots}) == len(shots)
    for url, want in reversed(shots[:-1]):
        page.go_back()
        expect_snapshot(page, want, url)
    for url, want in shots[1:]:
        page.go_forward()
        expect_snapshot(page, want, url)
    page.reload()
    expect_snapshot(page, shots[-1][1], shots[-1][0])
    page.go_back()
    page.go_back()
    expect_snapshot(page, shots[-3][1], shots[-3][0])
    page.reload()
    expect_snapshot(page, shots[-3][1], shots[-3][0])
    # The page's own Back link shows the same step (keeping the schedule that follows it).
    page.get_by_role("link", name="◀ Back").click()
    expect_at(page, 3)
    now, before = json.loads(snapshot(page)), json.loads(shots[3][1])
    for key in ("live", "here", "shared", "output", "cells"):
        assert now[key] == before[key], key


def test_reach_the_deadlock_by_clicking(page: Any) -> None:
    page.goto("/s/deadlock-two-locks")
    for n, thread in enumerate([MAIN, MAIN, "thread_1", "thread_2"], 1):
        step(page, thread)
        expect_at(page, n)
    outcome = page.locator(".outcome.deadlock")
    expect(outcome.locator("h2")).to_have_text("Deadlock: no thread can ever move")
    expect(outcome.locator("ul.waits li")).to_have_text([
        "MainThread waiting for thread_1 to finish (join) → waits for thread_1",
        "thread_1 holds lock_a; blocked on lock_b (held by thread_2) → waits for thread_2",
        "thread_2 holds lock_b; blocked on lock_a (held by thread_1) → waits for thread_1",
    ])
    expect(page.locator(".challenge .met")).to_have_text("✔ met")
    expect(page.locator("a.step")).to_have_count(0)
    expect(page.locator(".prims")).to_contain_text("Lock lock_a: acquired by thread_1")
    expect(page.locator(".prims")).to_contain_text("Lock lock_b: acquired by thread_2")


def test_keyboard_only(page: Any) -> None:
    page.goto("/s/race-counter")
    label = page.locator(".scrub label")
    # The number keys are the threads' numbers: 0 is MainThread, 1 is Thread-1.
    moves = [("0", 1, 1), ("0", 2, 2), ("0", 3, 3), ("1", 4, 4), ("2", 5, 5),
             ("ArrowLeft", 4, 5), ("ArrowRight", 5, 5), ("Home", 0, 5), ("End", 5, 5),
             ("ArrowLeft", 4, 5), ("1", 5, 5)]
    for key, at, total in moves:
        page.keyboard.press(key)
        expect_at(page, at)
        expect(label).to_have_text(f"step {at} of {total}")
    assert parse_qs(urlsplit(page.url).query) == {"schedule": ["a3b2"], "at": ["5"]}  # forked
    expect(page.locator(".live")).to_have_text(f"Step 5: {T1}: 0 + 1 = 1")
    # Space plays (the round-robin policy takes the steps), Space again pauses.
    page.keyboard.press(" ")
    expect(page.locator("[data-play]")).to_have_text("⏸ Pause")
    expect(page.locator("#sim")).to_have_attribute("data-at", re.compile(r"^([7-9]|1\d)$"))
    page.keyboard.press(" ")
    expect(page.locator("[data-play]")).to_have_text("▶ Play")
    page.wait_for_timeout(150)  # a step already requested may still land
    paused_at = page.locator("#sim").get_attribute("data-at")
    page.wait_for_timeout(1_000)
    assert page.locator("#sim").get_attribute("data-at") == paused_at
    expect(page).to_have_url(re.compile(rf"[?&]at={paused_at}(&|$)"))


def test_enter_twice_on_a_step_button_takes_two_steps(page: Any) -> None:
    """Focus stays on the control that was used, across the swap, not on <body>."""
    page.goto("/s/race-counter?schedule=a3&at=3")
    button = page.get_by_role("link", name=f"Step {T1}", exact=True)
    button.focus()
    page.keyboard.press("Enter")
    expect_at(page, 4)
    expect(page.get_by_role("link", name=f"Step {T1}", exact=True)).to_be_focused()
    page.keyboard.press("Enter")
    expect_at(page, 5)
    expect(page.locator(".live")).to_have_text(f"Step 5: {T1}: 0 + 1 = 1")
    assert parse_qs(urlsplit(page.url).query)["schedule"] == ["a3b2"]
    # A control that turns disabled keeps the focus, and says why in words.
    page.goto("/s/race-counter?schedule=a3&at=3")
    page.get_by_role("link", name="◀ Back").focus()
    back = page.locator("[data-focus=back]")
    for at in (2, 1, 0):
        page.keyboard.press("Enter")
        expect_at(page, at)
        expect(back).to_be_focused()
    expect(back).to_have_text("◀ Back (already at the start)")


def test_one_live_region_announces_each_step_and_the_deadlock(page: Any) -> None:
    page.goto("/s/deadlock-two-locks")
    announce = page.locator("#announce")
    expect(announce).to_have_attribute("aria-live", "polite")
    expect(page.locator("[aria-live]")).to_have_count(1)
    for n, thread in enumerate([MAIN, MAIN, "thread_1"], 1):
        step(page, thread)
        expect_at(page, n)
    expect(announce).to_have_text(re.compile(r"^Step 3: thread_1: "))
    step(page, "thread_2")
    expect_at(page, 4)
    # The challenge is to reach it: the reward is said too (path.js).
    expect(announce).to_have_text(re.compile(r"^Step 4: thread_2: .*Deadlock: no thread can ever "
                                             r"move\. ✔ Challenge met\.$"))
    # Waiting threads' Step buttons point at the visible sentence that says why.
    blocked = page.locator("[data-focus=step-1]")
    expect(blocked).to_have_attribute("aria-describedby", "why-1")
    expect(page.locator("#why-1")).to_contain_text("blocked on lock_b")


def test_the_shortcuts_are_listed_on_the_page(page: Any) -> None:
    page.goto("/s/race-counter")
    dialog = page.locator("#shortcuts")
    expect(dialog).to_be_hidden()
    page.keyboard.press("?")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("step the thread with that number")
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    page.get_by_role("button", name="Shortcuts").click()
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name="Close").click()
    expect(dialog).to_be_hidden()
    main = page.get_by_role("link", name="Step MainThread", exact=True)
    expect(main.locator("kbd")).to_have_text("0")


def test_scrubber_and_policy(page: Any) -> None:
    page.goto("/s/race-counter?schedule=a3bcb2c2b3c3a4&at=0")
    page.locator("[data-scrub]").fill("9")
    expect_at(page, 9)
    expect(page.locator(".live")).to_contain_text(f"Step 9: {T2}: write counter ← 1 — Lost")
    page.go_back()
    expect_at(page, 0)
    page.goto("/s/race-counter?schedule=a3&at=3")
    page.locator("select[name=policy]").select_option("cpython")
    expect(page).to_have_url(re.compile(r"[?&]policy=cpython(&|$)"))
    assert parse_qs(urlsplit(page.url).query) == {
        "schedule": ["a3"], "at": ["3"], "policy": ["cpython"]}
    expect(page.locator("select[name=policy]")).to_have_value("cpython")
    expect(page.locator("a[data-key=ArrowRight]")).to_have_attribute(
        "href", re.compile(r"[?&]policy=cpython(&|$)"))


def test_editor_shows_a_syntax_error_and_keeps_the_text(page: Any, console: Console) -> None:
    console.allow(BAD_STATUS_400)  # the editor answers a compile error with status 400
    page.goto("/edit")
    source = page.locator("textarea#source")
    source.fill("def f():\n")
    source.press("Control+End")
    source.press("Tab")  # indents instead of leaving the editor
    source.press_sequentially("pass")
    expect(source).to_have_value("def f():\n    pass")
    expect(source).to_be_focused()
    broken = "import threading\n\ncounter = 0\ntotal = (counter +\nprint(total)\n"
    source.fill(broken)
    page.get_by_role("button", name="Load into the simulator").click()
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Line 4, column 9:")
    expect(alert).to_contain_text("SyntaxError: '(' was never closed")
    expect(page.locator("textarea#source")).to_have_value(broken)
    expect(page.locator(".gutter li")).to_have_count(6)
    expect(page.locator(".gutter li.bad")).to_have_count(1)
    assert page.locator(".gutter li").nth(3).get_attribute("class") == "bad"
    # Fix it: the program opens in the simulator; then break it again and come back.
    page.locator("textarea#source").fill(broken.replace("(counter +", "(counter + 1)"))
    page.get_by_role("button", name="Load into the simulator").click()
    expect(page.locator("h1")).to_have_text("Your program")
    expect(page).to_have_url(re.compile(r"/p\?code=z"))
    program_url = page.url
    page.get_by_role("link", name="Edit the program").click()
    page.locator("textarea#source").fill("x = (\n")
    page.get_by_role("button", name="Load into the simulator").click()
    expect(page.get_by_role("alert")).to_contain_text("Line 1")
    page.get_by_role("link", name="back to the last program that compiled").click()
    expect(page).to_have_url(program_url)
    expect(page.locator("h1")).to_have_text("Your program")


def test_editor_keeps_a_leading_blank_line(page: Any, console: Console) -> None:
    console.allow(BAD_STATUS_400)
    page.goto("/edit")
    broken = "\nx = (\n"
    page.locator("textarea#source").fill(broken)
    page.get_by_role("button", name="Load into the simulator").click()
    expect(page.get_by_role("alert")).to_contain_text("Line 2")
    expect(page.locator("textarea#source")).to_have_value(broken, timeout=1_000)


def test_explore_all_interleavings(page: Any) -> None:
    page.goto("/s/race-counter")
    page.get_by_role("button", name="Explore all interleavings").click()
    result = page.locator("#explore-result")
    bars = result.locator(".histogram li")
    expect(bars).to_have_count(3)
    expect(bars.locator(".label")).to_have_text(
        ["counter ends as 2", "counter ends as 3", "counter ends as 4"])
    counts = [int(re.match(r"[\d,]+", t).group().replace(",", ""))
              for t in bars.locator(".count").all_inner_texts()]
    assert all(c > 0 for c in counts)
    expect(result.locator(".figures")).to_contain_text(f"{sum(counts):,} schedules")
    expect(result.locator("h3", has_text="Data races")).to_be_visible()
    # The address keeps the exploration (Back returns to it), on the same page.
    expect(page).to_have_url(re.compile(r"/s/race-counter\?.*explore=1"))
    result.locator(".spoiler summary").click()  # the answer is behind a spoiler
    expect(result.locator(".goal")).to_contain_text("can be met")
    result.locator(".goal a", has_text="show how").click()
    expect(page).not_to_have_url(re.compile(r"[?&]at="))  # the goal's witness opens at its end
    printed = page.locator(".printed .output samp")
    expect(printed).to_have_text(re.compile(r"^\d+$"))
    assert int(printed.inner_text()) < 4


NARROW_PAGES = ["/s/race-counter?schedule=a3bcb2c2b3c3a4&at=9",
                "/s/deadlock-two-locks?schedule=a2bc", "/s/barrier-phases", "/", "/edit"]

#: Elements that stick out of the viewport sideways, unless a scrolling box clips them.
OVERFLOW = """() => {
  const vw = document.documentElement.clientWidth;
  const clipped = (el) => {
    for (let p = el.parentElement; p && p !== document.documentElement; p = p.parentElement)
      if (getComputedStyle(p).overflowX !== "visible") return true;
    return false;
  };
  const bad = [];
  for (const el of document.querySelectorAll("body *")) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || clipped(el)) continue;
    if (r.right > vw + 1 || r.left < -1)
      bad.push(`${el.tagName.toLowerCase()}.${el.className}: `
               + `${Math.round(r.left)}..${Math.round(r.right)}`);
  }
  return {vw, scrollWidth: document.documentElement.scrollWidth, bad};
}"""


def test_narrow_screen_stacks_the_thread_panes(narrow_page: Any) -> None:
    page = narrow_page
    page.goto(NARROW_PAGES[0])
    panes = page.locator(".thread")
    expect(panes).to_have_count(3)
    boxes = [panes.nth(i).bounding_box() for i in range(3)]
    assert len({round(b["x"]) for b in boxes}) == 1, "the panes share one column"
    for above, below in zip(boxes, boxes[1:], strict=False):
        assert below["y"] >= above["y"] + above["height"] - 1, "the panes do not overlap"
    lanes = page.locator(".timeline .lanes")
    assert lanes.evaluate("el => el.scrollWidth > el.clientWidth"), "the timeline scrolls"
    assert lanes.bounding_box()["width"] <= 360


def test_narrow_screen_has_no_sideways_overflow(narrow_page: Any) -> None:
    page = narrow_page
    problems = {}
    for url in NARROW_PAGES:
        page.goto(url)
        found = page.evaluate(OVERFLOW)
        vw = found["vw"]
        widths = [b["width"] for b in (t.bounding_box() for t in page.locator(".thread").all())]
        wrong = [w for w in widths if not vw * 0.85 <= w <= vw]
        if found["scrollWidth"] > vw or found["bad"] or wrong:
            problems[url] = {"scrollWidth": found["scrollWidth"], "pane widths": wrong,
                             "sticking out": found["bad"][:5]}
    assert problems == {}


def test_typing_a_quote_on_the_simulator_is_harmless(page: Any, console: Console) -> None:
    page.goto("/s/race-counter")
    page.keyboard.press('"')
    page.keyboard.press("0")
    expect_at(page, 1)
    console.assert_clean()


SPIN = """import threading

n = 0

def spin():
    global n
    while True:
        n = n + 1

t = threading.Thread(target=spin)
t.start()
"""


def test_the_page_step_limit_stops_a_run_and_says_why_next_to_the_controls(
        page: Any, console: Console) -> None:
    """A thread that spins for ever: Run to end stops at the page's 2,000,000 steps, says so
    next to the controls, and the thread's Step button says why it is off."""
    page.goto(f"/p?code={encode_source(SPIN)}&policy=cpython")
    page.keyboard.press("End")
    expect(page.locator("#sim")).to_have_attribute("data-at", "2000000", timeout=30_000)
    expect(page.locator(".run-note")).to_contain_text("the page’s limit of 2,000,000 was reached")
    blocked = page.locator(".thread .button.disabled", has_text="Step Thread-1 (spin)")
    expect(blocked).to_contain_text(re.compile("up to 2,000,000 steps"))


def test_the_lessons_counter_runs_to_its_end_in_the_browser(page: Any, console: Console) -> None:
    """Issue 14 §2: the first card's 1.2 million steps, from its set-up to its outcome."""
    page.goto("/s/lesson-counter")
    expect(page.locator("#sim")).to_have_attribute("data-at", "5")
    page.keyboard.press("End")
    outcome = page.locator("section.outcome")
    expect(outcome.locator("h2")).to_have_text("Finished after 1,200,011 steps", timeout=30_000)
    expect(page.locator(".output")).to_contain_text("400000")
    expect(page.locator(".band figcaption").first).to_contain_text("the whole run")
    # Any step of it by address: step 900,000, with its register and its last steps.
    page.goto("/s/lesson-counter?schedule=~cpython&at=900000")
    expect(page.locator("#sim")).to_have_attribute("data-at", "900000", timeout=30_000)
    expect(page.locator(".scrub label")).to_contain_text("step 900,000 of 1,200,011")
    expect(page.locator(".timeline td.cell.current")).to_have_count(1)


def test_a_failing_htmx_request_shows_its_error_in_place(page: Any, console: Console) -> None:
    console.allow(r"status of 400 \(Bad Request\)")
    page.goto("/s/race-counter")
    page.evaluate("""() => {
        const a = document.createElement("a");
        a.id = "bad"; a.href = "/s/race-counter?schedule=c"; a.textContent = "bad";
        for (const [k, v] of [["hx-get", a.href], ["hx-target", "#sim"],
                              ["hx-swap", "outerHTML"]]) a.setAttribute(k, v);
        document.body.appendChild(a); htmx.process(a);
    }""")
    page.click("#bad")
    expect(page.locator("#sim .error")).to_contain_text("the program has only 1 thread")
    assert page.evaluate("document.querySelectorAll('header.top').length") == 1
    expect(page.locator("#sim")).to_have_count(1)


#: Four threads appending to one list: every step is new to the explorer (the list differs
#: in every state), so exploring takes the server's whole time budget (about 17,000 of its
#: 60,000 states in 5 s; the lesson's counter, whose steps it looks up, reaches the state
#: limit first).
SLOW = """import threading
items = []
def work(n):
    for i in range(30):
        items.append(n * i)
threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
for t in threads: t.start()
for t in threads: t.join()
"""


def test_a_long_exploration_shows_progress_and_can_be_cancelled(page: Any,
                                                                 console: Console) -> None:
    page.goto(f"/p?code={encode_source(SLOW)}")
    page.click("text=Explore all interleavings")
    progress = page.locator("#explore-progress")
    expect(progress).to_be_visible()
    live = page.locator("#explore-result .progress")
    expect(live).to_contain_text(re.compile(r"Exploring: [\d,]+ states, [\d,]+ transitions, "
                                            r"[\d,]+ per second, [\d.]+ s of at most 5 s"))
    first = live.inner_text()
    expect(live).not_to_have_text(first)  # it moves on
    progress.locator("button", has_text="Cancel").click()
    expect(page.locator("#explore-result")).to_have_text("Exploration cancelled.")
    expect(progress).to_be_hidden()
