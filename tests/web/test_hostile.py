"""Hostile input: a checked-in corpus of programs and addresses, each with its expected answer.

Every one gets a clear answer: a compile error naming the line, a run that ends with a `limit`
saying which budget, or a 4xx with a message; never a 500, a hang, or a page that runs what it
was given. The corpus is in tests/hostile/ so new cases are one line of JSON.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from app.web.headers import SecurityHeaders
from tests.support.pages import alert_text, enc
from tests.support.servers import run_async

CORPUS = Path(__file__).resolve().parents[1] / "hostile"
PROGRAMS = json.loads((CORPUS / "programs.json").read_text(encoding="utf-8"))
URLS = json.loads((CORPUS / "urls.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", PROGRAMS, ids=lambda c: c["name"])
def test_a_hostile_program_gets_its_answer_from_the_api(client, case):
    r = client.post("/api/run", json={"source": case["source"], "summary": True,
                                      "max_steps": 50_000})
    assert r.status_code == case["status"], r.text
    body = r.json()
    if case["kind"] is None:
        assert case["says"] in body["error"] and body["line"] >= 1 and body["col"] >= 1
    else:
        outcome = body["outcome"]
        assert outcome["kind"] == case["kind"]
        assert case["says"] in outcome["reason"] + json.dumps(outcome["errors"])


@pytest.mark.parametrize("case", PROGRAMS, ids=lambda c: c["name"])
def test_a_hostile_program_gets_its_answer_on_the_page(client, case):
    page = client.get(f"/p?code={enc(case['source'])}&advance=end", follow_redirects=True)
    assert "<script>alert" not in page.text  # whatever it printed is shown, escaped
    if case["kind"] is None:
        assert page.status_code == 400
        assert 'role="alert"' in page.text  # the editor, with the message at its line
    elif page.status_code == 422:  # longer than the page follows: the part done, a click away
        alert = alert_text(page.text)
        if "of work one request may use" in alert:
            return  # or its steps took more of the machine than a request may (a busy one)
        assert "This run is longer than the page follows" in alert
        way_on = re.search(r'href="(/p\?[^"]+)">Show its first [\d,]+ steps', page.text)
        assert way_on is not None
        assert client.get(html.unescape(way_on.group(1))).status_code == 200
    else:
        assert page.status_code == 200


@pytest.mark.parametrize("case", URLS, ids=lambda c: c["url"][:40])
def test_a_hostile_address_gets_a_clear_4xx(client, case):
    r = client.get(case["url"])
    assert r.status_code == case["status"]
    assert case["says"] in r.text


def test_an_oversized_address_is_refused_before_any_work():
    reached: list[str] = []

    async def app(scope, receive, send):  # what the address would have reached
        reached.append(scope["path"])

    sent: list[dict] = []

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "path": "/s/race-counter", "raw_path": b"/s/race-counter",
             "query_string": b"schedule=" + b"a" * 1_000}
    run_async(SecurityHeaders(app, "*", max_url=1_000, max_body=1_000)(scope, None, send))
    assert reached == [] and sent[0]["status"] == 414
    assert sent[1]["body"] == b"The address is over 1,000 characters."


def test_an_oversized_body_is_refused(client):
    big = client.post("/api/compile", content=b'{"source": "' + b"x" * 500_000 + b'"}',
                      headers={"content-type": "application/json"})
    assert big.status_code == 413 and "over the limit" in big.json()["error"]
