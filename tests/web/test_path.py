"""The path (issue 15): the gallery in the lesson's order with pictures, scenario text as
safe Markdown, the reward for a met challenge, and the first scenario's walkthrough."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest
from starlette.testclient import TestClient

from app import scenarios
from app.main import create_app
from app.web.markdown import inline
from app.web.reward import following, lost_sentence
from tests.support.pages import links

LOST = "a3bcb2c2b3c3a4"  # race-counter: both threads read 0, it prints 3
DEADLOCK = "a2bc"  # deadlock-two-locks: each thread takes its first lock
#: The lesson's order: where each primitive first appears on the path.
LESSON = ["race condition", "Lock", "RLock", "Semaphore", "BoundedSemaphore", "deadlock",
          "Condition", "Event", "Barrier", "the GIL"]
XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


class Tags(HTMLParser):
    """The elements a browser would make of a page: names, script sources, handlers."""

    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()
        self.scripts: list[str] = []
        self.handlers: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.names.add(tag)
        self.handlers += [k for k, _ in attrs if k.startswith("on")]
        if tag == "script":
            self.scripts.append(dict(attrs).get("src") or "")


def cards(page: str) -> list[str]:
    return re.findall(r'<li class="stop[^"]*" data-scenario="([^"]+)">', page)


def reward(page: str) -> str | None:
    found = re.search(r'<section class="reward".*?</section>', page, re.S)
    return found and found.group(0)


def test_the_gallery_is_the_path_in_the_lessons_order(client: TestClient) -> None:
    page = client.get("/").text
    ids = cards(page)
    assert ids == list(scenarios.builtin()) and ids[0] == "race-counter"
    assert [u for u in links(page) if u.startswith("/s/")] == [f"/s/{i}" for i in ids]
    firsts = list(dict.fromkeys(scenarios.builtin()[i].primitive for i in ids))
    assert firsts == LESSON
    assert re.findall(r'<span class="stop-number">(\d+)</span>', page) == [
        str(n) for n in range(1, len(ids) + 1)]
    assert page.count("Start here") == 1
    assert page.index("Start here") < page.index('data-scenario="lock-counter"')
    for s in scenarios.builtin().values():
        assert s.primitive and s.difficulty in scenarios.DIFFICULTIES and s.lesson
        assert str(inline(s.aim)) in page
    # Progress and its reset are the browser's: shown by path.js, hidden without it.
    assert re.search(r'<div class="progress" data-progress hidden>', page)
    assert "data-reset-progress" in page
    assert any(re.fullmatch(r"/static/path\.[^/]*js", u) for u in links(page))


def test_every_card_has_a_picture_of_its_run(client: TestClient) -> None:
    page = client.get("/").text
    thumbs = re.findall(r'<svg class="thumb[ "].*?</svg>', page, re.S)
    assert len(thumbs) == len(scenarios.builtin())
    by_id = dict(zip(cards(page), thumbs, strict=True))
    deadlocks = {s.id for s in scenarios.builtin().values() if s.goal == "deadlock"}
    assert deadlocks == {"lock-self-deadlock", "deadlock-two-locks", "lost-wakeup"}
    for sid, thumb in by_id.items():
        assert 'role="img"' in thumb and "<title>The " in thumb
        assert "style=" not in thumb  # the CSP forbids inline styles
        # A deadlock to reach is drawn as its wait-for graph; the rest as a timeline.
        assert ('class="thumb graph"' in thumb) == (sid in deadlocks)
        assert ('<rect class="t' in thumb) == (sid not in deadlocks)
    assert ("thread_1 waits for thread_2; thread_2 waits for thread_1"
            in by_id["deadlock-two-locks"])
    assert "Thread-1 (outer) waits for Thread-1 (outer)" in by_id["lock-self-deadlock"]
    assert 'class="end ok"' in by_id["race-counter"]
    assert 'class="end bad"' in by_id["bounded-semaphore"]  # round-robin's run raises
    assert 'class="end more"' in by_id["lesson-counter"]  # 1.2 million steps: its start


def test_markdown_is_escaped_first() -> None:
    assert inline("`x += 1` is **not** *atomic*") == (
        "<code>x += 1</code> is <strong>not</strong> <em>atomic</em>")
    assert inline("2 * 3 * 4 and a*b*c") == "2 * 3 * 4 and a*b*c"
    assert inline("`<b>` **`if`**") == "<code>&lt;b&gt;</code> <strong><code>if</code></strong>"
    assert "<" not in inline(XSS).replace("&lt;", "")


def test_scenario_text_renders_its_markdown(client: TestClient) -> None:
    page = client.get("/s/condition-if-bug").text
    assert "<h1>Condition bug: <code>if</code> instead of <code>while</code>" in page
    assert "`" not in re.search(r'<p class="lead">.*?</p>', page, re.S).group(0)
    assert "<code>if</code> it does not look again" in page.replace("With <code>if", "<code>if")
    assert "<title>Condition bug: if instead of while around wait() · Interleave</title>" in page
    export = client.get("/export/s/condition-if-bug").text
    assert "<h1>Condition bug: <code>if</code> instead of <code>while</code>" in export


@pytest.fixture
def teacher(tmp_path, monkeypatch):
    """A teacher's scenario whose every text field tries to inject HTML."""
    folder = tmp_path / "course"
    folder.mkdir()
    header = "".join(f"# {key}: {XSS} `code`\n" for key in
                     ("title", "idea", "explain", "challenge", "task", "lesson"))
    (folder / "evil.py").write_text(
        header + "# goal: counter == 1\n# order: 1\n\nimport threading\ncounter = 0\n"
        "def work():\n    global counter\n    counter += 1\n"
        "ts = [threading.Thread(target=work) for _ in range(2)]\n"
        "for t in ts: t.start()\nfor t in ts: t.join()\n", encoding="utf-8")
    monkeypatch.setenv(scenarios.ENV, str(folder))
    scenarios.catalog.cache_clear()
    with TestClient(create_app()) as c:  # its settings name the folder
        yield c
    monkeypatch.delenv(scenarios.ENV)
    scenarios.catalog.cache_clear()


def test_a_teachers_html_stays_text(teacher: TestClient) -> None:
    gallery = teacher.get("/").text
    assert cards(gallery)[0] == "evil"  # its order puts it first
    win = teacher.get("/s/evil", params={"schedule": "a3bcb2c2a2"}).text
    assert reward(win) is not None  # the lesson shows too
    for page in (gallery, win):
        tags = Tags()
        tags.feed(page)
        assert "img" not in tags.names and not tags.handlers
        assert all(src.startswith("/static/") for src in tags.scripts)
        assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page
        assert "<code>code</code>" in page


def test_a_met_challenge_says_why_and_leads_on(client: TestClient) -> None:
    page = client.get("/s/race-counter", params={"schedule": LOST}).text
    panel = reward(page)
    assert panel is not None and 'data-met' in page and 'data-scenario="race-counter"' in page
    assert ("Thread-1 (increment) and Thread-2 (increment) both read counter → 0 before "
            "either wrote it back, so both wrote 1 and one update was lost.") in panel
    assert "<strong>Remember:</strong> <code>counter += 1</code> is a read" in panel
    assert links(panel) == ["/s/lock-counter", "/explore/s/race-counter"]
    assert "Next challenge: Lock: mutual exclusion" in panel
    # Not met (yet): no reward.
    assert reward(client.get("/s/race-counter", params={"schedule": LOST, "at": 9}).text) is None
    assert reward(client.get("/s/race-counter", params={"schedule": "a3b9c9a9"}).text) is None


def test_a_deadlock_reward_names_the_cycle(client: TestClient) -> None:
    panel = reward(client.get("/s/deadlock-two-locks", params={"schedule": DEADLOCK}).text)
    assert panel is not None
    assert ("thread_1 holds lock_a and is blocked on lock_b (held by thread_2); thread_2 holds "
            "lock_b and is blocked on lock_a (held by thread_1).") in panel
    assert links(panel)[0] == "/s/lock-ordering"


def test_a_goal_met_with_nothing_else_to_tell_shows_its_values(client: TestClient) -> None:
    panel = reward(client.get("/s/semaphore-pool", params={"schedule": "a3b6ac4d3c2ad3a3"}).text)
    assert panel is not None
    assert "The run ends with <code>peak == 2</code> true: peak = 2." in panel
    assert links(panel)[0] == "/s/bounded-semaphore"


def test_the_last_challenge_leads_back_to_the_path() -> None:
    last = list(scenarios.builtin().values())[-1]
    assert following(last) is None
    assert following(scenarios.builtin()["race-counter"]).id == "lock-counter"


def test_an_embed_has_no_reward_and_a_replay_no_challenge(client: TestClient) -> None:
    embed = client.get("/embed/s/race-counter", params={"schedule": LOST}).text
    assert 'class="challenge"' in embed and reward(embed) is None
    assert "data-scenario" not in embed
    replay = client.get("/embed/s/race-counter",
                        params={"schedule": LOST, "controls": "replay"}).text
    assert 'class="challenge"' not in replay and reward(replay) is None
    assert "data-met" in replay  # for the host page's `challenge-met` message (widget.js)


def test_the_walkthrough_is_on_the_first_scenario_only(client: TestClient) -> None:
    first = client.get("/s/race-counter").text
    assert re.search(r'<aside class="tour"[^>]* data-tour hidden>', first)
    for target in (".threads", ".thread .button.step", ".thread .register", ".timeline"):
        assert f'data-target="{target}' in first
    assert "data-tour" not in client.get("/s/lock-counter").text
    assert "data-tour" not in client.get("/embed/s/race-counter").text


def test_a_stale_write_back_is_said_as_one(client: TestClient) -> None:
    # Thread-1 reads 0; Thread-2 counts to 2; Thread-1 writes back 1 (and prints 2).
    panel = reward(client.get("/s/race-counter", params={"schedule": "a3bc6b5a4"}).text)
    assert panel is not None and (
        "Thread-1 (increment) read counter → 0, then Thread-2 (increment) wrote counter ← 2, "
        "and Thread-1 (increment) wrote back 1, computed from its stale read: what Thread-2 "
        "(increment) wrote since that read was lost.") in html.unescape(panel)
    assert lost_sentence([]) == ""
