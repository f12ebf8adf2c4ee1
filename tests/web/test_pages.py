"""The HTML pages through FastAPI's TestClient: routes, statuses, headers, the fragment vs page
decision, escaping of everything a learner controls, and pages as pure functions of the URL."""

from __future__ import annotations

import html
import re
import tracemalloc
from collections.abc import Iterator
from dataclasses import replace
from urllib.parse import parse_qs, urlsplit

import pytest
from markupsafe import escape
from starlette.testclient import TestClient

from app import scenarios
from app.main import create_app, routes
from app.web.source import decode_source
from tests.support.pages import (
    alert_text,
    control,
    enc,
    here_lines,
    links,
    live_text,
    output_text,
    sim_state,
    step_link,
)
from tests.support.servers import UNLIMITED
from tests.test_fairness import PETERSON, POLITE

HTML = "text/html; charset=utf-8"
VARY = "HX-Request, HX-Request-Type"
PARTIAL = {"HX-Request": "true", "HX-Request-Type": "partial"}
SCENARIO_IDS = list(scenarios.builtin())
LONG_RUNNING = {"lesson-counter", "gil-call-race"}  # hundreds of thousands of steps

#: Lose an update in race-counter by hand: both threads read 0 before either writes, then
#: everyone finishes. It prints 3.
LOST = "a3bcb2c2b3c3a4"
DEADLOCK = "a2bc"  # each thread takes its first lock
XSS = "<script>alert(1)</script>"
ESCAPED_XSS = "&lt;script&gt;alert(1)&lt;/script&gt;"

PRINT_XSS = f'x = "{XSS}"\nprint(x)\n'
NAMED_THREAD = """import threading

def work():
    pass

t = threading.Thread(target=work, name="<img src=x onerror=alert(2)>")
t.start()
t.join()
"""
SPIN = """import threading

n = 0

def spin():
    global n
    while True:
        n = n + 1

t = threading.Thread(target=spin)
t.start()
"""
SPIN_LIMIT = "a2b4998"  # SPIN's round-robin run up to the page's limit of 5,000 steps


def norm(url: str | None) -> tuple[str, dict[str, list[str]]] | None:
    """A URL as (path, query): links are compared whatever their parameters' order."""
    if url is None:
        return None
    parts = urlsplit(url)
    return parts.path, parse_qs(parts.query, keep_blank_values=True)


def at_of(url: str) -> int:
    return int(parse_qs(urlsplit(url).query)["at"][0])


def assert_page(r, status: int = 200) -> str:  # noqa: ANN001
    """A whole HTML page with the app's headers; returns its text."""
    assert r.status_code == status, r.text[-500:]
    assert r.headers["content-type"] == HTML
    assert r.headers["vary"] == VARY
    assert r.text.startswith("<!doctype html>")
    assert "<html" in r.text and r.text.rstrip().endswith("</html>")
    return r.text


# --- routes and statuses -----------------------------------------------------------------------

def test_healthz(client: TestClient) -> None:
    r = client.get("/healthz")
    assert r.status_code == 200
    assert r.text == "ok"
    assert r.headers["content-type"].startswith("text/plain")


def test_gallery_lists_every_scenario_in_order(client: TestClient) -> None:
    page = assert_page(client.get("/"))
    hrefs = [u for u in links(page) if u.startswith("/s/")]
    assert hrefs == [f"/s/{sid}" for sid in SCENARIO_IDS]
    assert '<a href="/edit">Write your own</a>' in page
    for s in scenarios.builtin().values():
        assert str(escape(s.title)) in page


@pytest.mark.parametrize("scenario_id", SCENARIO_IDS)
def test_every_scenario_page_renders_and_runs_to_the_end(client: TestClient,
                                                         scenario_id: str) -> None:
    page = assert_page(client.get(f"/s/{scenario_id}"))
    if scenarios.builtin()[scenario_id].start == "setup":  # opens once its threads started
        at, total = sim_state(page)
        assert 0 < at == total and "Step " in live_text(page)
        assert control(page, "Home") is not None  # one click back to step 0
    else:
        assert sim_state(page) == (0, 0)
        assert "Nothing has run yet: pick a thread." in page
    end = control(page, "End")
    assert end is not None, "a fresh scenario must offer 'Run to end'"
    last = assert_page(client.get(end, follow_redirects=True))  # "Run to end" redirects
    # A run longer than one request may take goes on at each click, from where it stopped.
    reached = [sim_state(last)[0]]
    while '<section class="outcome' not in last and len(reached) < 8:
        assert "The run goes on from step" in last
        last = assert_page(client.get(control(last, "End"), follow_redirects=True))
        reached.append(sim_state(last)[0])
    at, total = sim_state(last)
    assert at == total > 0  # the whole run, however long (the lesson's: 1.2 million steps)
    assert '<section class="outcome' in last, reached
    assert reached == sorted(set(reached))  # every click went further
    assert control(last, "End") is None and control(last, "ArrowRight") is None


def test_scenario_ids_accept_underscores(client: TestClient) -> None:
    page = assert_page(client.get("/s/race_counter"))
    assert "/s/race-counter?" in page  # links use the canonical id
    assert "/s/race_counter" not in page


def test_unknown_scenario_is_404(client: TestClient) -> None:
    page = assert_page(client.get("/s/no-such-thing"), 404)
    assert alert_text(page) == "There is no scenario called 'no-such-thing'."


@pytest.mark.parametrize("schedule, message", [
    ("zz", "the schedule names thread 25"),
    ("a!", "bad schedule at character 2 ('!')"),
    ("a0", "a repeat count of 0"),
    ("b", "the schedule names thread 1, but the program has only 1 thread(s) so far"),
    (LOST + "a", "MainThread has already finished"),
])
def test_bad_schedule_is_400(client: TestClient, schedule: str, message: str) -> None:
    page = assert_page(client.get("/s/race-counter", params={"schedule": schedule}), 400)
    assert message in alert_text(page)


def test_schedule_naming_a_blocked_thread_is_400(client: TestClient) -> None:
    # After a2bc thread_1 holds lock_a and waits for lock_b: it cannot take another step.
    page = assert_page(client.get("/s/deadlock-two-locks",
                                  params={"schedule": DEADLOCK + "b"}), 400)
    assert "thread_1 cannot run" in alert_text(page)


def test_schedule_longer_than_the_page_limit_is_400(client: TestClient) -> None:
    page = assert_page(client.get("/s/race-counter", params={"schedule": "a2000001"}), 400)
    assert "over the limit of 2,000,000 steps" in alert_text(page)


def test_unknown_policy_is_400(client: TestClient) -> None:
    page = assert_page(client.get("/s/race-counter", params={"policy": "fifo"}), 400)
    assert alert_text(page) == "Unknown policy 'fifo': choose one of rr, random, cpython."


@pytest.mark.parametrize("url, field", [
    ("/s/race-counter?at=x", "at"),
    ("/s/race-counter?at=1.5", "at"),
    ("/p", "code"),
    (f"/p?code={enc(PRINT_XSS)}&at=two", "at"),
    ("/explore/p", "code"),
])
def test_bad_query_types_are_422(client: TestClient, url: str, field: str) -> None:
    page = assert_page(client.get(url), 422)
    assert alert_text(page).startswith(f"This address has a bad parameter: {field}: ")


@pytest.mark.parametrize("code, message", [
    ("abc", "the code parameter must start with 'z'"),
    ("zAAAA", "the code parameter is damaged (not a whole program link)"),
    ("z" + "A" * 40_001, "the encoded program is over 40,000 characters"),
])
def test_damaged_code_is_400(client: TestClient, code: str, message: str) -> None:
    for url in ("/p", "/edit", "/explore/p"):
        page = assert_page(client.get(url, params={"code": code}), 400)
        assert alert_text(page) == message


@pytest.mark.parametrize("damage", ["cut in half", "garbage"])
def test_truncated_or_mangled_code_is_400(client: TestClient, damage: str) -> None:
    code = enc(scenarios.get("race-counter").source)
    code = code[:len(code) // 2] if damage == "cut in half" else "z!!!"
    page = assert_page(client.get("/p", params={"code": code}), 400)
    assert "damaged" in alert_text(page)


def test_learners_program_page(client: TestClient) -> None:
    code = enc(PRINT_XSS)
    page = assert_page(client.get("/p", params={"code": code}))
    assert "<h1>Your program</h1>" in page
    assert sim_state(page) == (0, 0)
    assert f'href="/edit?code={code}"' in page
    assert f'hx-get="/explore/p?code={code}&amp;stream=1"' in page
    step = step_link(page, "MainThread")
    assert norm(step) == norm(f"/p?code={code}&schedule=a&at=1")


def test_program_with_a_compile_error_shows_the_editor(client: TestClient) -> None:
    source = "x = 1\ny = (x +\nprint(y)\n"
    code = enc(source)
    page = assert_page(client.get("/p", params={"code": code}), 400)
    assert "<h1>Write your own program</h1>" in page
    assert f">\n{source}</textarea>" in page  # a newline right after <textarea> is dropped
    assert alert_text(page).startswith("Line 2, column 5: SyntaxError: '(' was never closed")
    assert re.search(r'<ol class="gutter"[^>]*><li></li><li class="bad"></li><li>', page)


def test_program_with_the_wrong_policy_is_400(client: TestClient) -> None:
    page = assert_page(client.get("/p", params={"code": enc(PRINT_XSS), "policy": "x"}), 400)
    assert "Unknown policy 'x'" in alert_text(page)


def test_unknown_path_is_404(client: TestClient) -> None:
    assert client.get("/no/such/page").status_code == 404


def test_static_files(client: TestClient) -> None:
    for path, kind in [("/static/app.css", "text/css"), ("/static/sim.js", "text/javascript"),
                       ("/static/htmx-4.0.1.min.js", "text/javascript")]:
        r = client.get(path)
        assert r.status_code == 200, path
        assert r.headers["content-type"].startswith(kind), path


# --- the editor ---------------------------------------------------------------------------------

def test_editor_starts_with_the_starter_program(client: TestClient) -> None:
    page = assert_page(client.get("/edit"))
    assert "<h1>Write your own program</h1>" in page
    assert 'method="post" action="/edit"' in page
    assert "threading.Thread(target=increment)" in page
    assert 'role="alert"' not in page
    assert "back to the last program that compiled" not in page


def test_editor_loads_a_scenario_or_a_program(client: TestClient) -> None:
    page = assert_page(client.get("/edit", params={"scenario": "deadlock-two-locks"}))
    assert "with lock_a:      # holds A" in page
    code = enc(PRINT_XSS)
    page = assert_page(client.get("/edit", params={"code": code}))
    assert f'>\nx = &#34;{ESCAPED_XSS}&#34;\nprint(x)\n</textarea>' in page
    assert f'<a href="/p?code={code}">back to the last program that compiled</a>' in page
    assert_page(client.get("/edit", params={"scenario": "nope"}), 404)


def test_posting_a_program_redirects_to_its_permalink(client: TestClient) -> None:
    source = "import threading\n\nx = 0\nprint(x)\n"
    r = client.post("/edit", data={"source": source})
    assert r.status_code == 303
    location = r.headers["location"]
    assert location.startswith("/p?code=z")
    assert decode_source(parse_qs(urlsplit(location).query)["code"][0], 64_000) == source
    page = assert_page(client.get(location))
    assert "<h1>Your program</h1>" in page


def test_posting_a_compile_error_keeps_the_text_and_marks_the_line(client: TestClient) -> None:
    source = f"# {XSS} </textarea><b>bold</b>\nimport threading\nx = (1,\n"
    r = client.post("/edit", data={"source": source, "last": '"><script>alert(3)</script>'})
    page = assert_page(r, 400)
    assert XSS not in page and "</textarea><b>" not in page and "alert(3)</script>" not in page
    assert (">\n# &lt;script&gt;alert(1)&lt;/script&gt; &lt;/textarea&gt;&lt;b&gt;bold&lt;/b&gt;\n"
            "import threading\nx = (1,\n</textarea>") in page
    assert alert_text(page).startswith("Line 3, column 5: SyntaxError: '(' was never closed")
    gutter = re.search(r'<ol class="gutter"[^>]*>(.*?)</ol>', page).group(1)
    assert gutter.split("</li>")[2] == '<li class="bad">'
    assert 'aria-describedby="compile-error"' in page
    assert '<input type="hidden" name="last" value="&#34;&gt;&lt;script&gt;' in page


def test_posting_an_unsupported_construct_gives_its_hint(client: TestClient) -> None:
    page = assert_page(client.post("/edit", data={"source": "import subprocess\n", "last": ""}),
                       400)
    message = alert_text(page)
    assert message.startswith("Line 1, column 1: ")
    assert "subprocess" in message
    assert 'class="hint"' in page


def test_posting_an_oversized_or_missing_source(client: TestClient) -> None:
    page = assert_page(client.post("/edit", data={"source": "#" * 64_001}), 400)
    assert "over the limit of 64,000 bytes" in alert_text(page)
    assert_page(client.post("/edit", data={}), 422)
    page = assert_page(client.post("/edit", data={"source": "(" * 150 + ")" * 150}), 400)
    assert "nested too deeply" in alert_text(page)


# --- escaping -----------------------------------------------------------------------------------

def test_printed_markup_is_escaped(client: TestClient) -> None:
    code = enc(PRINT_XSS)
    page = assert_page(client.get("/p", params={"code": code, "schedule": "a"}))
    assert XSS not in page
    assert output_text(page) == XSS  # shown as text
    assert f"<samp>{ESCAPED_XSS}</samp>" in page
    assert f"<code>x = &#34;{ESCAPED_XSS}&#34;</code>" in page
    fragment = client.get("/explore/p", params={"code": code}).text
    assert XSS not in fragment
    assert f"done: prints {ESCAPED_XSS}" in fragment


def test_thread_names_are_escaped(client: TestClient) -> None:
    page = assert_page(client.get("/p", params={"code": enc(NAMED_THREAD), "schedule": "a"}))
    assert "<img" not in page
    assert "<h2>&lt;img src=x onerror=alert(2)&gt;</h2>" in page
    assert 'aria-label="&lt;img src=x onerror=alert(2)&gt;"' in page


IMG = "<img src=x onerror=alert(1)>"


@pytest.mark.parametrize("url, status", [
    (f"/s/{IMG}", 404),
    (f"/explore/s/{IMG}", 404),
    (f"/edit?scenario={IMG}", 404),
    (f"/s/race-counter?schedule={IMG}", 400),
    (f"/s/race-counter?policy={IMG}", 400),
    (f"/s/race-counter?at={IMG}", 422),
    (f"/p?code={IMG}", 400),
    (f"/p?code=z{IMG}", 400),
])
def test_error_messages_escape_the_address(client: TestClient, url: str, status: int) -> None:
    page = assert_page(client.get(url), status)
    assert "<img" not in page
    assert "alert(1)>" not in page


# --- fragment or page ---------------------------------------------------------------------------

@pytest.mark.parametrize("url", [
    "/s/race-counter",
    f"/s/race-counter?schedule={LOST}&at=9",
    f"/s/deadlock-two-locks?schedule={DEADLOCK}",
    f"/p?code={enc(PRINT_XSS)}&schedule=a",
])
def test_partial_request_gets_only_the_sim_block(client: TestClient, url: str) -> None:
    full = client.get(url)
    part = client.get(url, headers=PARTIAL)
    assert part.status_code == 200
    assert part.headers["content-type"] == HTML
    assert part.headers["vary"] == VARY
    text = part.text
    assert text.startswith('<div id="sim"')
    assert text.rstrip().endswith("</div>")
    assert "<html" not in text and "<head>" not in text and "<h1>" not in text
    assert text.count('id="sim"') == 1
    assert text.strip() in full.text  # the same block as in the whole page


@pytest.mark.parametrize("headers", [
    {}, {"HX-Request": "true"}, {"HX-Request": "true", "HX-Request-Type": "full"},
    {"HX-Request": "true", "HX-History-Restore-Request": "true", "HX-Request-Type": "full"},
])
def test_other_requests_get_the_whole_page(client: TestClient, headers: dict[str, str]) -> None:
    page = assert_page(client.get(f"/s/race-counter?schedule={LOST}&at=4", headers=headers))
    assert page.count('<div id="sim"') == 1
    assert "<h1>Race condition" in page


def test_explore_is_a_fragment_for_htmx_and_a_page_opened_on_its_own(
        client: TestClient) -> None:
    fragment = client.get("/explore/s/race-counter", headers=PARTIAL)
    page = client.get("/explore/s/race-counter")
    for r in (fragment, page):
        assert r.status_code == 200
        assert r.headers["content-type"] == HTML
        assert r.headers["vary"] == VARY
    assert fragment.text.startswith('<section class="explore"')
    assert "<html" not in fragment.text
    assert page.text.startswith("<!doctype html>")
    assert fragment.text.strip() in page.text
    assert 'href="/s/race-counter">← Back to the simulator' in page.text
    code = enc(PRINT_XSS)
    assert f'href="/p?code={code}">← Back' in client.get(f"/explore/p?code={code}").text


@pytest.mark.parametrize("url, status", [
    ("/", 200), ("/edit", 200), ("/s/nope", 404), ("/s/race-counter?schedule=zz", 400),
    ("/s/race-counter?at=x", 422), ("/explore/s/deadlock-two-locks", 200),
])
def test_html_responses_vary_on_the_htmx_headers(client: TestClient, url: str,
                                                 status: int) -> None:
    r = client.get(url)
    assert r.status_code == status
    assert r.headers["vary"] == VARY
    assert r.headers["content-type"] == HTML


# --- pages are pure functions of the URL ---------------------------------------------------------

@pytest.mark.parametrize("url", [
    "/", "/edit", "/s/race-counter", f"/s/race-counter?schedule={LOST}&at=9",
    f"/s/deadlock-two-locks?schedule={DEADLOCK}", "/s/lesson-counter?schedule=a4b3c&at=5",
    "/s/race-counter?schedule=a3&policy=random", f"/p?code={enc(PRINT_XSS)}&schedule=a",
    "/explore/s/deadlock-two-locks",
])
def test_same_url_same_bytes(client: TestClient, url: str) -> None:
    first = client.get(url).content
    assert client.get(url).content == first
    with TestClient(create_app(UNLIMITED)) as other:  # a fresh app: no state carried over
        assert other.get(url).content == first


def test_following_links_and_coming_back_gives_the_same_page(client: TestClient) -> None:
    url = f"/s/race-counter?schedule={LOST}&at=6"
    page = client.get(url).text
    forward = control(page, "ArrowRight")
    assert norm(forward) == norm(f"/s/race-counter?schedule={LOST}&at=7")
    back = control(client.get(forward).text, "ArrowLeft")
    assert norm(back) == norm(url)
    assert client.get(back).text == page
    # The bare scenario URL is the same page as its canonical first-step URL.
    assert client.get("/s/race-counter").text == client.get(
        "/s/race-counter?schedule=&at=0").text


def test_stepping_keeps_the_schedule_only_when_it_agrees(client: TestClient) -> None:
    page = client.get(f"/s/race-counter?schedule={LOST}&at=3").text
    # The schedule's next step is Thread-1's: stepping Thread-1 replays it, keeping the rest.
    assert norm(step_link(page, "Thread-1 (increment)")) == norm(
        f"/s/race-counter?schedule={LOST}&at=4")
    # Stepping another thread forks: the rest of the schedule is dropped.
    assert norm(step_link(page, "Thread-2 (increment)")) == norm(
        "/s/race-counter?schedule=a3c&at=4")
    assert step_link(page, "MainThread") is None  # blocked in join()


@pytest.mark.parametrize("at, shown", [(99, 19), (10**9, 19), (-5, 0), (19, 19), (0, 0)])
def test_at_is_clamped_to_the_schedule(client: TestClient, at: int, shown: int) -> None:
    page = client.get("/s/race-counter", params={"schedule": LOST, "at": at}).text
    assert sim_state(page) == (shown, 19)
    assert f"step {shown} of 19" in page
    assert page == client.get("/s/race-counter", params={"schedule": LOST, "at": shown}).text


def test_race_counter_step_by_step(client: TestClient) -> None:
    """Both threads read 0 before either writes: the second write is a lost update."""
    url = "/s/race-counter"
    for thread in ["MainThread"] * 3 + ["Thread-1 (increment)", "Thread-2 (increment)"] + [
            "Thread-1 (increment)"] * 2 + ["Thread-2 (increment)"] * 2:
        page = client.get(url).text
        at, _ = sim_state(page)
        url = step_link(page, thread)
        assert url is not None, f"cannot step {thread} at {at}"
        assert at_of(url) == at + 1
    page = client.get(url).text
    assert sim_state(page) == (9, 9)
    assert live_text(page) == (
        "Step 9: Thread-2 (increment): write counter ← 1 — Lost update: Thread-2 (increment) "
        "read counter at step 5, then Thread-1 (increment) wrote counter at step 7 (counter ← 1),"
        " and this write replaces that value with one computed from the old read, so Thread-1 "
        "(increment)'s update is lost.")
    assert re.search(r'<td class="cell write lost current"[^>]*><a [^>]*>✗ W counter=1</a>', page)
    assert re.search(r'<div class="var changed"><dt>counter<span class="visually-hidden"> '
                     r'\(changed by this step\)</span></dt>\s*<dd>1</dd>', page)
    end = client.get(f"/s/race-counter?schedule={LOST}").text
    assert output_text(end) == "3"
    assert "1 lost update (marked ✗ in the timeline)." in end
    assert '<span class="met">✔ met</span>' in end
    assert "Finished after 19 steps" in end


def test_highlighted_lines_follow_the_threads(client: TestClient) -> None:
    page = client.get(f"/s/race-counter?schedule={LOST}&at=4").text
    assert here_lines(page) == [
        "for t in threads: t.join()",
        "        counter += 1  # NOT atomic: read → increment → write",
        "        counter += 1  # NOT atomic: read → increment → write",
    ]
    assert ('<p class="register">holds 0 <span class="source">(from step 4: read counter → 0)'
            '</span></p>') in page


def test_deadlock_page_lists_who_waits_for_whom(client: TestClient) -> None:
    page = client.get("/s/deadlock-two-locks", params={"schedule": DEADLOCK}).text
    assert "<h2>Deadlock: no thread can ever move</h2>" in page
    waits = re.search(r'<ul class="waits">(.*?)</ul>', page).group(1)
    assert ("<li><strong>thread_1</strong> holds lock_a; blocked on lock_b (held by thread_2)"
            " → waits for <strong>thread_2</strong></li>") in waits
    assert ("<li><strong>thread_2</strong> holds lock_b; blocked on lock_a (held by thread_1)"
            " → waits for <strong>thread_1</strong></li>") in waits
    assert control(page, "ArrowRight") is None and control(page, "End") is None
    assert '>Forward ▶ <small class="why-off">(the run has ended)</small></span>' in page


def test_policy_is_kept_in_links_only_when_not_the_default(client: TestClient) -> None:
    rr = client.get("/s/race-counter?schedule=a3&at=3").text
    assert "policy=" not in "".join(links(rr))
    cp = client.get("/s/race-counter?schedule=a3&at=3&policy=cpython").text
    steps = [u for u in links(cp) if u.startswith("/s/")]
    assert steps and all(parse_qs(urlsplit(u).query)["policy"] == ["cpython"] for u in steps)
    assert '<option value="cpython" selected>' in cp
    # The CPython-like policy runs one thread's whole loop before switching, starting with
    # the thread MainThread's last step started (`start()` hands the GIL over); "Step ▶"
    # redirects to the page under the policy's run.
    # redirects to the page under the policy's run, kept in the schedule as the policy's turn
    # (its next 500 steps at most: Forward follows them).
    stepped = client.get(control(cp, "ArrowRight"), follow_redirects=True)
    query = parse_qs(stepped.url.query.decode())
    assert query["schedule"] == ["a3~cpython500"] and query["at"] == ["4"]
    assert live_text(stepped.text).startswith("Step 4: Thread-2")


# --- links --------------------------------------------------------------------------------------

SLOW_TO_EXPLORE = LONG_RUNNING  # about 10 s each: see test_api's time-limit test


def test_no_broken_links(client: TestClient) -> None:
    """Every URL on the gallery, the scenario pages and their neighbours answers 200."""
    start = ["/", "/edit", f"/s/race-counter?schedule={LOST}&at=9",
             f"/s/deadlock-two-locks?schedule={DEADLOCK}", f"/p?code={enc(PRINT_XSS)}",
             "/explore/s/race-counter", "/explore/s/deadlock-two-locks"]
    seen: set[str] = set()
    frontier = start
    for _depth in range(3):
        found: list[str] = []
        for url in frontier:
            if url in seen:
                continue
            seen.add(url)
            r = client.get(url, follow_redirects=True)  # "Step ▶" redirects to its page
            assert r.status_code == 200, f"{url} → {r.status_code}"
            if r.headers["content-type"] == HTML:
                for link in links(r.text):
                    if not link.startswith("/"):
                        continue
                    if link.startswith(("/explore/s/", "/export/s/")) and (
                            urlsplit(link).path.rsplit("/", 1)[1] in SLOW_TO_EXPLORE):
                        continue
                    found.append(link)
        frontier = found
    assert len(seen) > 100
    assert "/openapi.json" in seen and any(u.startswith("/static/sim.") for u in seen)
    assert any(u.startswith("/export/s/") for u in seen)


@pytest.fixture(scope="module")
def small_pages() -> Iterator[TestClient]:
    """A server whose pages follow runs of up to 5,000 steps."""
    with TestClient(create_app(replace(UNLIMITED, page_steps=5_000)),
                    follow_redirects=False) as c:
        yield c


def test_controls_at_the_step_limit_lead_somewhere(small_pages: TestClient) -> None:
    client = small_pages
    page = assert_page(client.get("/p", params={"code": enc(SPIN), "schedule": SPIN_LIMIT}))
    at, total = sim_state(page)
    assert at == total == 5000
    problems = []
    for key in ("ArrowRight", "End"):
        target = control(page, key)
        if target is not None and sim_state(client.get(target).text)[0] <= at:
            problems.append(f"{key} control stays at step {at}")
    thread = step_link(page, "Thread-1 (spin)")
    if thread is not None and (status := client.get(thread).status_code) != 200:
        problems.append(f"Step Thread-1 answers {status}")
    assert problems == []
    assert re.search(r'Step Thread-1 \(spin\) <small class="why-off">\([^)]*up to 5,000 steps',
                     page)


# --- bugs found ---------------------------------------------------------------------------------

def test_one_step_run_is_singular(client: TestClient) -> None:
    page = client.get("/p", params={"code": enc("print(1)\n"), "schedule": "a"}).text
    assert "<h2>Finished after 1 step</h2>" in page


@pytest.mark.parametrize("separator", ["\x0c", "\u2028"])
def test_highlighted_line_with_unusual_whitespace(client: TestClient, separator: str) -> None:
    source = f"x = 1  # a{separator}b\nprint(x)\n"
    page = client.get("/p", params={"code": enc(source)}).text
    assert here_lines(page) == ["print(x)"]


def test_huge_repeat_count_is_refused_cheaply(client: TestClient) -> None:
    tracemalloc.start()
    try:
        r = client.get("/s/race-counter", params={"schedule": "a10000000"})
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert r.status_code == 400
    assert peak < 20_000_000, f"peak {peak / 1e6:.0f} MB to refuse a 9-character schedule"


def test_partial_exploration_does_not_claim_zero_schedules() -> None:
    with TestClient(create_app(replace(UNLIMITED, explore_states=500))) as small:
        text = small.get("/explore/s/lesson-counter").text
    assert "Partial: the state limit of 500 was reached" in text
    assert not re.search(r"\b0 schedules\b", text)


@pytest.mark.parametrize(("states", "says"), [
    (100_000, "<p>No data races.</p>"), (20, "<p>No data races in the states walked so far.</p>")])
def test_no_race_is_claimed_only_of_what_the_search_walked(states: int, says: str) -> None:
    with TestClient(create_app(replace(UNLIMITED, explore_states=states))) as small:
        assert says in small.get("/explore/s/lock-counter").text


def test_advance_under_htmx_pushes_the_canonical_url(client: TestClient) -> None:
    r = client.get("/s/race-counter?schedule=&at=0&advance=step",
                   headers={"HX-Request": "true", "HX-Request-Type": "partial"})
    assert r.status_code == 200
    pushed = r.headers["HX-Push-Url"]
    assert "advance" not in pushed and at_of(pushed) == 1
    assert r.text.startswith('<div id="sim"')
    assert client.get(pushed, headers={"HX-Request": "true", "HX-Request-Type": "partial"}
                      ).text == r.text


@pytest.mark.parametrize("scenario", ["race-counter", "lock-counter", "condition-queue"])
def test_a_page_built_from_the_step_before_equals_a_cold_replay(client: TestClient,
                                                                 scenario: str) -> None:
    """Pages along a schedule reuse the one before (its machine, its timeline's marks, the
    step Forward takes); each must equal the page replayed on a cold server."""
    from app.engine import RoundRobin, compile_program, length, run

    schedule = run(compile_program(scenarios.get(scenario).source), RoundRobin(2),
                   max_steps=40).schedule
    url = f"/s/{scenario}?schedule={schedule}&at="
    steps = length(schedule)
    # The pages' own app, not the worker's: its replays are the ones to empty.
    app = routes(UNLIMITED)
    with TestClient(app) as pages_client:
        # One step on each time:
        pages = [pages_client.get(f"{url}{k}").text for k in range(steps + 1)]
        for k in range(0, steps + 1, 3):
            app.state.replays.entries.clear()
            assert pages_client.get(f"{url}{k}").text == pages[k]
            assert client.get(f"{url}{k}").text == pages[k]


def test_a_deadlock_draws_its_wait_for_graph(client: TestClient) -> None:
    page = assert_page(client.get(f"/s/deadlock-two-locks?schedule={DEADLOCK}"))
    graph = re.search(r'<svg class="wait-graph".*?</svg>', page, re.S).group(0)
    assert graph.count("marker-end=") == 3  # MainThread → thread_1 ⇄ thread_2
    labels = re.findall(r'<text class="edge"[^>]*>([^<]+)</text>', graph)
    assert sorted(labels) == ["lock_a", "lock_b"]
    nodes = re.findall(r'<text class="node"[^>]*>([^<]+)</text>', graph)
    assert sorted(nodes) == ["MainThread", "thread_1", "thread_2"]
    done = assert_page(client.get(f"/s/race-counter?schedule={LOST}"))
    assert "wait-graph" not in done


def test_timeline_marks_who_handed_over_a_lock(client: TestClient) -> None:
    from app.engine import RoundRobin, compile_program, run
    from app.scenarios import get

    schedule = run(compile_program(get("lock-counter").source), RoundRobin(1)).schedule
    page = assert_page(client.get(f"/s/lock-counter?schedule={schedule}&at=16"))
    handoffs = re.findall(r'<span class="handoff">⇠ ([^<]+)</span>acquire lock', page)
    assert handoffs == ["Thread-2", "Thread-1"]  # lanes in order: each got it from the other
    assert "(from Thread-1 (safe_increment))" in page


def test_an_error_about_a_program_keeps_it_one_click_away(client):
    code = enc("import threading\nx = 1\n")
    page = client.get(f"/p?code={code}&schedule=z")
    assert page.status_code == 400
    assert "only 1 thread" in alert_text(page.text)
    edit = [u for u in links(page.text) if u.startswith("/edit?")]
    assert edit and decode_source(parse_qs(urlsplit(edit[0]).query)["code"][0], 64_000) == (
        "import threading\nx = 1\n")


@pytest.mark.parametrize("url", ["/", "/s/race-counter?schedule=a3&at=2", "/edit", "/healthz",
                                 "/favicon.ico", "/static/app.css", "/api/scenarios",
                                 "/s/no-such-scenario"])
def test_head_is_answered_like_get_without_a_body(client, url):
    got, head = client.get(url), client.head(url)
    assert head.status_code == got.status_code != 405
    assert head.content == b""
    for name in ("content-type", "content-length", "cache-control", "etag"):
        assert head.headers.get(name) == got.headers.get(name), name


def test_favicon_ico_is_the_site_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("image/svg+xml")
    assert response.content.startswith(b"<svg")


def test_the_state_panel_draws_lists_and_dicts_item_by_item(client):
    """`in_use` only ever changes through append and pop: it is state all the same, drawn a
    box per item, the one the last step appended marked."""
    page = client.get("/s/semaphore-pool?schedule=ababcabc&at=8").text
    assert live_text(page).startswith("Step 8: Thread-2 (query_database): in_use.append(1)")
    in_use = re.search(r'<div class="var changed"><dt>in_use.*?</div>', page, re.S).group(0)
    assert '<span class="kind">list</span>' in in_use
    boxes = re.findall(r'<li( class="changed")?><span class="key">(\d)</span><span class="val">'
                       r'(\d)</span></li>', in_use)
    assert boxes == [("", "0", "1"), (' class="changed"', "1", "1")]
    assert 'aria-label="[1, 1]"' in in_use
    seen = re.search(r'<div class="var"><dt>seen</dt>.*?</div>', page, re.S).group(0)
    assert '<span class="empty">empty</span>' in seen
    assert "<dt>threads" not in page and "<dt>db_semaphore" not in page  # panes of their own
    source = ("import threading\nd = {}\ndef f():\n    d['a'] = 1\n"
              "t = threading.Thread(target=f)\nt.start()\n")
    page = client.get(f"/p?code={enc(source)}&schedule=ab&at=2").text
    d = re.search(r'<div class="var changed"><dt>d<.*?</div>', page, re.S).group(0)
    assert re.search(r'<ol class="items dict"><li class="changed"><span class="key">&#39;a&#39;'
                     r'</span><span class="val">1</span></li></ol>', d)


def test_an_exception_reads_as_an_error_and_a_condition_names_its_waiters(client):
    source = ("import threading\ndef f():\n    raise ValueError('boom')\n"
              "t = threading.Thread(target=f)\nt.start()\nt.join()\n")
    page = client.get(f"/p?code={enc(source)}&schedule=a&at=1").text
    assert '<p class="why crashed" id="why-1">✘ raised ValueError: boom at line 3</p>' in page
    page = client.get("/s/condition-queue?schedule=abababcac2d&at=10").text
    assert "<br>waiting on condition: consumer_1 → consumer_2</li>" in page


def test_a_schedule_that_cannot_be_followed_links_to_the_part_that_can(client):
    page = client.get("/s/race-counter?schedule=a3bcdb&at=2")
    assert page.status_code == 400
    assert "the schedule names thread 3, but the program has only 3 thread(s)" in page.text
    link = re.search(r'<a class="button primary" href="([^"]*)">Show the first 5 steps, the part'
                     r' of this schedule that can be followed</a>', page.text)
    assert link is not None
    assert client.get(html.unescape(link.group(1))).status_code == 200
    assert "Show the first" not in client.get("/s/race-counter?schedule=a3b!").text


def test_the_page_says_which_thread_a_busy_wait_starves(client: TestClient) -> None:
    """A livelock only an unfair scheduler keeps going says who never gets a turn."""
    page = client.get("/explore/p", params={"code": enc(PETERSON)}).text
    assert "runs forever if Thread-2 (worker) never gets a turn" in page
    page = client.get("/explore/p", params={"code": enc(POLITE)}).text
    assert "runs forever" in page and "never gets a turn" not in page
