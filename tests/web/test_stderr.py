"""The page shows what a program wrote to stderr (logging) apart from its stdout, marked."""

from __future__ import annotations

from starlette.testclient import TestClient

from .conftest import enc

LOGS = "import logging\nlogging.warning('<careful>')\nprint('out')\n"


def test_stderr_lines_are_a_block_of_their_own_marked_stderr(client: TestClient) -> None:
    page = client.get("/p", params={"code": enc(LOGS), "schedule": "a2"}).text
    assert '<pre class="output">out</pre>' in page
    assert ('<pre class="output stderr" aria-label="stderr (logging)"><span class="stream">'
            'stderr</span>\nWARNING:root:&lt;careful&gt;</pre>') in page
