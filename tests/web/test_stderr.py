"""The page shows what a program wrote to stderr (logging) apart from its stdout, marked; and
where sleeps are only yield points, says so once."""

from __future__ import annotations

from starlette.testclient import TestClient

from .conftest import enc

LOGS = "import logging\nlogging.warning('<careful>')\nprint('out')\n"


def test_stderr_lines_are_a_block_of_their_own_marked_stderr(client: TestClient) -> None:
    page = client.get("/p", params={"code": enc(LOGS), "schedule": "a2"}).text
    assert '<pre class="output">out</pre>' in page
    assert ('<pre class="output stderr" aria-label="stderr (logging)"><span class="stream">'
            'stderr</span>\nWARNING:root:&lt;careful&gt;</pre>') in page


SLEEPS = "import time\ntime.sleep(0.1)\nprint('up')\n"


def test_the_page_says_once_that_sleepers_may_wake_in_any_order(client: TestClient) -> None:
    note = "sleepers may wake in any order"
    page = client.get("/p", params={"code": enc(SLEEPS), "schedule": "a"}).text
    assert page.count(note) == 1
    cpython = client.get("/p", params={"code": enc(SLEEPS), "schedule": "a",
                                       "policy": "cpython"}).text
    assert note not in cpython
    assert note not in client.get("/p", params={"code": enc(LOGS), "schedule": "a"}).text
