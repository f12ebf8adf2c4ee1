"""The explorer in plain words (app/web/summary.py, app/web/predict.py): the lead sentence,
results that open where they are decided, one race per pair of lines, spoilers, proofs of
claims about every schedule, and predict-then-reveal, all over HTTP."""

from __future__ import annotations

import re
from dataclasses import replace
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from fastapi.testclient import TestClient

from app import scenarios
from app.engine import compile_program, explore, length, parse_goal
from app.main import create_app
from app.web.summary import summarize
from tests.support.servers import UNLIMITED

PARTIAL = {"HX-Request": "true"}


def text(html: str) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


def fragment(client: TestClient, url: str) -> str:
    r = client.get(url, headers=PARTIAL)
    assert r.status_code == 200
    return r.text


def test_the_lead_sentence_says_the_results_and_how_often(client: TestClient) -> None:
    html = fragment(client, "/explore/s/race-counter")
    lead = text(re.search(r'<p class="lead">(.*?)</p>', html, re.S).group(1))
    assert lead.startswith("3 possible results: counter ends as 2, 3 or 4. ")
    assert re.search(r"The most common, counter ends as 2, is \d+% of all [\d,]+ schedules",
                     lead)
    # The states and transitions are there, below, for the curious.
    assert html.index('class="lead"') < html.index('class="figures"')
    assert re.search(r"[\d,]+ states and [\d,]+ transitions walked", text(html))


def test_a_partial_search_gives_no_number_as_exact() -> None:
    with TestClient(create_app(replace(UNLIMITED, explore_states=500))) as small:
        html = small.get("/explore/s/lesson-counter", headers=PARTIAL).text
    lead = text(re.search(r'<p class="lead">(.*?)</p>', html, re.S).group(1))
    assert lead.startswith(("At least", "No schedule"))
    assert "%" not in text(html)


def test_each_result_opens_where_it_is_decided(client: TestClient) -> None:
    html = fragment(client, "/explore/s/race-counter")
    links = re.findall(r'<li>\s*<a href="([^"]+)"', html)
    assert len(links) == 3
    for link in links:
        query = parse_qs(urlsplit(unescape(link)).query)
        # Not at the end: the learner presses Play to see the rest.
        assert 0 < int(query["at"][0]) < length(query["schedule"][0])
        page = client.get(unescape(link)).text
        assert "▶ Play" in page and "Forward ▶" in page


def test_races_are_one_entry_per_pair_of_lines(client: TestClient) -> None:
    program = compile_program(scenarios.get("race-counter").source)
    assert len(explore(program).races) == 2  # a read and a write (either first), two writes
    html = fragment(client, "/explore/s/race-counter")
    races = re.search(r'<ul class="races">(.*?)</ul>', html, re.S).group(1)
    assert races.count("<li>") == 1
    words = text(races)
    assert "both at line 18" in words
    assert "if the read goes first, it sees the old one" in words
    assert "the order they go in decides" in words
    # It opens on the state where both accesses are next.
    witness = parse_qs(urlsplit(unescape(re.search(r'href="([^"]+)"', races).group(1))).query)
    assert witness["race"] == ["1"]
    page = client.get("/s/race-counter", params={"schedule": witness["schedule"][0],
                                                 "race": "1"}).text
    assert len(re.findall(r'<p class="next">next: (read|write) counter', page)) == 2
    # Both highlighted, with what either order would do.
    assert len(re.findall(r'<section class="thread ready racing"', page)) == 2
    note = text(re.search(r'<p class="race-here"[^>]*>(.*?)</p>', page, re.S).group(1))
    assert "nothing decides which goes first" in note
    assert "writes first" in note and "reads first, it gets the old one" in note
    # Only when asked: the same state without `race=1` says nothing of it.
    plain = client.get("/s/race-counter", params={"schedule": witness["schedule"][0]}).text
    assert "race-here" not in plain and "racing" not in plain


def test_show_how_is_behind_a_spoiler(client: TestClient) -> None:
    html = fragment(client, "/explore/s/race-counter")
    spoiler = re.search(r'<details class="spoiler">(.*?)</details>', html, re.S).group(1)
    assert "spoiler" in text(re.search(r"<summary>(.*?)</summary>", spoiler, re.S).group(1))
    assert "show how" in spoiler
    assert html.count(">show how</a>") == 1


def test_a_claim_about_every_schedule_is_proved(client: TestClient) -> None:
    assert scenarios.get("lock-counter").claim
    html = fragment(client, "/explore/s/lock-counter")
    assert re.search(r"Every one of the [\d,]+ schedules ends with counter == 4: proved\.",
                     text(html))
    assert "reachable" not in html and 'class="spoiler"' not in html


def test_a_claim_that_fails_gets_a_counterexample() -> None:
    program = compile_program(scenarios.get("race-counter").source)
    result = explore(program, goal=parse_goal("counter == 4"))
    summary = summarize(result, lambda s, at: f"/x?schedule={s}", "counter == 4", claim=True)
    assert summary.verdict.kind == "counterexample"
    assert re.match(r"Not every schedule ends with counter == 4: [\d,]+ of [\d,]+ do not",
                    summary.verdict.sentence)
    assert summary.verdict.href.startswith("/x?schedule=")


@pytest.mark.parametrize("value, error", [("every schedule", None), ("some schedule", None),
                                          ("all", "goal_for 'all' is not one of")])
def test_the_goal_for_header_key(value: str, error: str | None) -> None:
    scenario = scenarios.parse("mine", f"# title: t\n# goal: x == 1\n# goal_for: {value}\n"
                                       f"\nx = 1\n")
    assert scenario.claim == (value == "every schedule")
    if error is None:
        scenarios.check(scenario)
    else:
        with pytest.raises(scenarios.ScenarioError, match=error):
            scenarios.check(scenario)


def test_the_built_in_claims() -> None:
    claims = {s.id for s in scenarios.builtin().values() if s.claim}
    assert {"lock-counter", "lock-ordering", "barrier-phases"} <= claims
    assert "race-counter" not in claims


def test_predictions_are_revealed(client: TestClient) -> None:
    html = fragment(client, "/explore/s/race-counter?reveal=1&predict=3&predict=4&predict=5")
    reveal = text(re.search(r'<div class="reveal">(.*?)</div>', html, re.S).group(1))
    assert "You said: 3, 4, 5." in reveal
    assert "2: you missed it" in reveal
    assert "5: no schedule gives it" in reveal
    assert "3: you predicted it" in reveal
    none = fragment(client, "/explore/s/lock-counter?reveal=1&predict=4")
    assert "Exactly right." in none
    assert 'class="reveal"' not in fragment(client, "/explore/s/race-counter")


def test_the_page_offers_a_prediction_and_keeps_the_exploration_in_its_url(
        client: TestClient) -> None:
    page = client.get("/s/race-counter").text
    form = re.search(r'<details class="predict">(.*?)</details>', page, re.S).group(1)
    assert re.findall(r'name="predict" value="(\d+)"', form) == [str(v) for v in range(6)]
    button = re.search(r'<button [^>]*id="explore-button"[^>]*>', page).group(0)
    push = re.search(r'hx-push-url="([^"]+)"', button).group(1)
    assert parse_qs(urlsplit(unescape(push)).query)["explore"] == ["1"]
    shown = client.get("/s/race-counter?explore=1&reveal=1&predict=2").text
    result = re.search(r'<div id="explore-result"([^>]*)>', shown).group(1)
    assert 'hx-trigger="load"' in result
    url = unescape(re.search(r'hx-get="([^"]+)"', result).group(1))
    assert parse_qs(urlsplit(url).query)["predict"] == ["2"]
    assert 'value="2" checked' in shown
    # Without a number to predict, the ways a run can end.
    locks = client.get("/s/deadlock-two-locks").text
    assert 'name="predict" value="deadlocks"' in locks


def test_the_figures_say_when_threads_alike_were_taken_as_interchangeable(
        client: TestClient) -> None:
    figures = re.compile(r'<details class="figures">(.*?)</details>', re.S)
    alike = text(figures.search(fragment(client, "/explore/s/race-counter")).group(1))
    assert "Threads made alike" in alike and "one is walked" in alike
    # Two locks taken in opposite orders: a deadlock names its threads, so nothing is merged.
    apart = text(figures.search(fragment(client, "/explore/s/deadlock-two-locks")).group(1))
    assert "Threads made alike" not in apart
