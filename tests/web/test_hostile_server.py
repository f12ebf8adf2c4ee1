"""Hostile requests against the real server: uvicorn with 2 workers, as deployed.

Each request in tests/hostile/requests.json is one short URL or body that once hung, killed
or bloated a worker, or read the server's memory. Every one must get its expected answer
within 2 s, never a 500 or a reset connection; no worker may be restarted; the server's memory
must come back to within 50 MB of where it started; and no answer may hold the server's
environment.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from app.web.source import encode_source
from tests.support.processes import descendants, parent
from tests.support.servers import REPO, SERVER_START_SECONDS, free_port

CORPUS = json.loads((Path(__file__).resolve().parents[1] / "hostile" / "requests.json")
                    .read_text(encoding="utf-8"))
#: A secret only the server's environment holds: no answer may show it.
CANARY = "canary-3f9a1c7e-not-for-learners"
ANSWER_SECONDS = 2.0
#: A memory address of the server's: not one of the made-up ones a program's objects show
#: (`<__main__.Account object at 0x7f3a5c000010>`, special.default_repr).
_HOST_ADDRESS = re.compile(r" at 0x(?!7f3a5c)[0-9a-f]{6,}")
MEMORY_SLACK = 50 * 2**20


def _memory(pid: int) -> int:
    """Resident bytes of the server: uvicorn, its workers and all their children."""
    total = 0
    for p in [pid, *descendants(pid)]:
        try:
            total += int(Path(f"/proc/{p}/statm").read_text().split()[1]) * os.sysconf(
                "SC_PAGE_SIZE")
        except OSError:
            pass
    return total


def _workers(pid: int) -> set[int]:
    """uvicorn's workers: the processes it spawned (not multiprocessing's trackers)."""
    return {p for p in descendants(pid) if parent(p) == pid
            and b"spawn_main" in _read(f"/proc/{p}/cmdline")}


def _read(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError:
        return b""


def _request(base: str, case: dict[str, Any]) -> tuple[int, str, float]:
    if "page" in case:
        url = (f"{base}{case.get('path', '/p')}?code={encode_source(case['page'])}"
               f"&{case.get('query', 'advance=end')}")
        request = urllib.request.Request(url)
    elif "url" in case:
        request = urllib.request.Request(base + case["url"])
    else:
        request = urllib.request.Request(
            base + case["api"], data=json.dumps(case["json"]).encode(),
            headers={"content-type": "application/json"})
    start = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=30) as r:
            status, body = r.status, r.read()
    except urllib.error.HTTPError as e:
        status, body = e.code, e.read()
    return status, body.decode("utf-8", "replace"), time.monotonic() - start


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    port = free_port()
    log_path = tmp_path_factory.mktemp("hostile") / "server.log"
    env = {**os.environ, "INTERLEAVE_CANARY": CANARY, "INTERLEAVE_RUNS_PER_MINUTE": "100000",
           "INTERLEAVE_EXPLORES_PER_MINUTE": "100000"}
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "app.cli", "serve", "--host", "127.0.0.1", "--port",
             str(port), "--workers", "2"], cwd=REPO, stdout=log, stderr=subprocess.STDOUT,
            env=env, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + SERVER_START_SECONDS
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                pass
            if _request(base, {"url": "/healthz"})[0] == 200:
                break
        except OSError:
            pass
        assert process.poll() is None, log_path.read_text()
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.2)
    try:
        yield base, process.pid, log_path
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_every_hostile_request_gets_its_answer_and_the_server_holds(server):
    base, pid, log_path = server
    warm = ["/", "/s/race-counter?schedule=a3b5cbac5a3", "/s/deadlock-two-locks?schedule=a2bc"]
    for _ in range(3):  # both workers and their children up, caches as a learner leaves them
        for url in warm:
            assert _request(base, {"url": url})[0] == 200
    time.sleep(1)
    workers, memory = _workers(pid), _memory(pid)
    assert len(workers) == 2
    failures = []
    for case in CORPUS:
        status, body, seconds = _request(base, case)
        if status != case["status"] or case["says"] not in body:
            failures.append(f"{case['name']}: {status} {body[:300]!r}")
        if seconds > ANSWER_SECONDS:
            failures.append(f"{case['name']}: answered in {seconds:.2f} s")
        if CANARY in body or os.environ.get("HOME", "/root") + "/" in body:
            failures.append(f"{case['name']}: the answer shows the server's environment")
        if "app.engine" in body or _HOST_ADDRESS.search(body):
            failures.append(f"{case['name']}: the answer shows the server's own objects")
    assert not failures, "\n".join(failures)
    assert _workers(pid) == workers, "a worker was restarted:\n" + log_path.read_text()[-3000:]
    for url in warm:
        assert _request(base, {"url": url})[0] == 200
    deadline = time.monotonic() + 10
    while _memory(pid) > memory + MEMORY_SLACK and time.monotonic() < deadline:
        time.sleep(0.5)
    grown = _memory(pid) - memory
    assert grown <= MEMORY_SLACK, f"the server grew by {grown / 2**20:.0f} MB"
