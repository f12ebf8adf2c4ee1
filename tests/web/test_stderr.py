"""The page shows what a program wrote to stderr (logging) apart from its stdout, marked; and
where sleeps are only yield points, says so once."""

from __future__ import annotations

from starlette.testclient import TestClient

from tests.support.pages import enc, output_lines

LOGS = "import logging\nprint('first')\nlogging.warning('<careful>')\nprint('out')\n"


def test_stderr_lines_are_shown_in_order_with_stdout_and_marked(client: TestClient) -> None:
    page = client.get("/p", params={"code": enc(LOGS), "schedule": "a3"}).text
    assert output_lines(page) == [("stdout", "MainThread", "first"),
                                  ("stderr", "MainThread", "WARNING:root:<careful>"),
                                  ("stdout", "MainThread", "out")]
    # Marked in words (seen, and heard), not by colour alone.
    assert ('<li class="stderr"><span class="who">MainThread<span class="visually-hidden"> '
            'wrote to stderr:</span></span><span class="stream" aria-hidden="true">stderr</span>'
            '<samp>WARNING:root:&lt;careful&gt;</samp></li>') in page


SLEEPS = "import time\ntime.sleep(0.1)\nprint('up')\n"


def test_the_page_says_once_that_sleepers_may_wake_in_any_order(client: TestClient) -> None:
    note = "sleepers may wake in any order"
    page = client.get("/p", params={"code": enc(SLEEPS), "schedule": "a"}).text
    assert page.count(note) == 1
    cpython = client.get("/p", params={"code": enc(SLEEPS), "schedule": "a",
                                       "policy": "cpython"}).text
    assert note not in cpython
    assert note not in client.get("/p", params={"code": enc(LOGS), "schedule": "a"}).text
