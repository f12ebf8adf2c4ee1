"""The Dockerfile's command, run outside Docker (there is no Docker engine here): the files it
copies exist, and the server it starts, with its workers, answers its own health check."""

from __future__ import annotations

import http.client
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import pytest

from tests.support.servers import REPO, SERVER_START_SECONDS, free_port

DOCKERFILE = (REPO / "Dockerfile").read_text(encoding="utf-8")


def instruction(name: str) -> list[str]:
    return re.findall(rf"^{name} (.+)$", DOCKERFILE, re.M)


def test_the_image_copies_files_that_exist_and_runs_as_a_user():
    for line in instruction("COPY"):
        if line.startswith("--from="):
            continue  # from the build stage, not from here
        *sources, _target = line.split()
        for source in sources:
            assert (REPO / source).exists(), source
    # The image runs the wheel the build stage made, not a copy of the source tree.
    assert instruction("RUN")[-1].startswith('whl=$(ls /dist/interleave-*.whl)')
    assert instruction("USER") and instruction("USER")[0] != "root"


def test_the_command_serves_with_workers_and_passes_the_health_check(tmp_path: Path):
    command = json.loads(instruction("CMD")[0])
    port = free_port()
    assert command[0] == "python"
    command[0] = sys.executable  # this interpreter
    command[command.index("--port") + 1] = str(port)
    command[command.index("--host") + 1] = "127.0.0.1"
    assert int(command[command.index("--workers") + 1]) >= 2
    health = instruction("HEALTHCHECK")[0].split(" CMD ", 1)[1].replace("8000", str(port))
    log = tmp_path / "server.log"
    with open(log, "wb") as out:
        server = subprocess.Popen(command, cwd=REPO, stdout=out, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + SERVER_START_SECONDS
            while subprocess.run(health, shell=True, capture_output=True).returncode != 0:
                assert server.poll() is None, log.read_text()
                assert time.monotonic() < deadline, "no answer to the health check"
                time.sleep(0.2)
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/s/race-counter",
                                        timeout=5) as r:
                assert r.status == 200 and b'id="sim"' in r.read()
            while len(re.findall(r"Started server process", log.read_text())) < 2:
                assert time.monotonic() < deadline, "the second worker did not start"
                time.sleep(0.2)
        finally:
            server.terminate()
            server.wait(timeout=20)


def _serve(port: int, out: BinaryIO) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "app.main:app", "--host", "127.0.0.1", "--port",
         str(port), "--workers", "2"], cwd=REPO, stdout=out, stderr=subprocess.STDOUT,
        start_new_session=True)


def _fetch(url: str) -> bytes:
    deadline = time.monotonic() + SERVER_START_SECONDS
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as r:
                return r.read()
        except urllib.error.HTTPError:
            raise  # an answer, just not a good one
        except OSError:  # not listening yet
            assert time.monotonic() < deadline, f"no answer from {url}"
            time.sleep(0.2)


def test_a_killed_server_loses_nothing_a_learner_had(tmp_path: Path):
    """The URL is the state: kill -9 the server and its workers mid-session, start a new one,
    and every address of the session shows exactly what it showed before."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    session = ["/s/race-counter?schedule=a3b5cbac5a3&at=9",
               "/s/deadlock-two-locks?schedule=a2bc",
               "/embed/s/race-counter?schedule=a3b5cbac5a3&at=4&controls=replay",
               "/p?code=zeNorKMrMK9FQyshU0uQCABwcA54&schedule=a&at=1",
               "/export/s/race-counter?schedule=a3b5cbac5a3",
               "/explore/s/race-counter"]
    with open(tmp_path / "server.log", "ab") as log:
        server = _serve(port, log)
        try:
            before = {url: _fetch(base + url) for url in session}
        finally:
            os.killpg(server.pid, signal.SIGKILL)  # no shutdown, no goodbye
            server.wait()
        server = _serve(port, log)
        try:
            after = {url: _fetch(base + url) for url in session}
        finally:
            server.terminate()
            server.wait(timeout=20)
    assert after == before


def test_the_command_stops_at_once_on_a_bad_setting():
    command = json.loads(instruction("CMD")[0])
    command[0] = sys.executable
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=60,
                          env={**os.environ, "INTERLEAVE_MAX_BODY": "big"})
    assert done.returncode == 2
    assert "INTERLEAVE_MAX_BODY" in done.stderr and "Traceback" not in done.stderr


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`interleave serve` on a free loopback port, as a deployment runs it, allowing one client
    two runs a minute; yields its base URL."""
    port = free_port()
    log = tmp_path_factory.mktemp("serve") / "server.log"
    with open(log, "wb") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "app.cli", "serve", "--host", "127.0.0.1", "--port",
             str(port)], cwd=REPO, stdout=out, stderr=subprocess.STDOUT,
            env={**os.environ, "INTERLEAVE_RUNS_PER_MINUTE": "2"})
    try:
        _fetch(f"http://127.0.0.1:{port}/healthz")
        yield f"127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=20)


def _get(where: str, target: str, headers: dict[str, str] | None = None
         ) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection(where, timeout=30)
    connection.request("GET", target, headers=headers or {})
    response = connection.getresponse()
    response.read()
    connection.close()
    return response


@pytest.mark.parametrize(("length", "status"), [(100_000, 200), (130_000, 414)])
def test_a_long_address_gets_the_apps_own_answer(served, length, status):
    """Not uvicorn's bare 400 (httptools stops at 64 KiB, h11 at its buffer's size)."""
    start = "/s/race-counter?schedule=a3&pad="
    r = _get(served, start + "x" * (length - len(start)))
    assert r.status == status
    assert r.getheader("content-security-policy") and r.getheader("x-content-type-options")


def test_the_long_address_refusal_says_why(served):
    connection = http.client.HTTPConnection(served, timeout=30)
    connection.request("GET", "/s/race-counter?pad=" + "x" * 130_000)
    body = connection.getresponse().read().decode()
    connection.close()
    assert body == "The address is over 128,000 characters."


def test_x_forwarded_for_does_not_change_who_asks(served):
    """No proxy is trusted by default: a client cannot get a fresh budget by naming another
    address, even from 127.0.0.1 (which uvicorn's own default trusts)."""
    answers = [_get(served, "/export/s/race-counter?schedule=a3",
                    {"X-Forwarded-For": f"203.0.113.{i}"}).status for i in range(3)]
    assert answers == [200, 200, 429]
