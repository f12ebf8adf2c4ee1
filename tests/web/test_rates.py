"""Rate limits: every route that compiles or runs a program draws on its client's budget (steps,
runs or explorations), a refusal is a 429 with Retry-After that says when, and with Redis as
the storage, two apps (two workers, two replicas) share one budget."""

from __future__ import annotations

import html
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from starlette.testclient import TestClient

from app.main import create_app
from app.web.rates import client
from tests.support.browsing import unavailable
from tests.support.pages import enc
from tests.support.servers import UNLIMITED, free_port

WIN = "a3b5cbac5a3"
CODE = enc("x = 1\n")
ONE_A_MINUTE = replace(UNLIMITED, steps_per_minute=1, runs_per_minute=1,
                       explores_per_minute=1)

#: (method, path, keyword arguments of the request, budget's words)
ROUTES = [
    ("GET", "/s/race-counter", {}, "requests"),
    ("GET", f"/p?code={CODE}", {}, "requests"),
    ("GET", "/embed/s/race-counter", {}, "requests"),
    ("GET", f"/embed/p?code={CODE}", {}, "requests"),
    ("POST", "/edit", {"data": {"source": "x = 1\n"}}, "requests"),
    ("POST", "/api/compile", {"json": {"scenario": "race-counter"}}, "requests"),
    ("GET", f"/export/s/race-counter?schedule={WIN}", {}, "runs"),
    ("GET", f"/export/p?code={CODE}", {}, "runs"),
    ("POST", "/api/run", {"json": {"scenario": "race-counter"}}, "runs"),
    ("POST", "/api/verify", {"json": {"scenario": "race-counter", "schedule": WIN}}, "runs"),
    ("GET", "/explore/s/race-counter", {}, "explorations"),
    ("GET", f"/explore/p?code={CODE}", {}, "explorations"),
    ("POST", "/api/explore", {"json": {"scenario": "race-counter"}}, "explorations"),
]


@pytest.fixture(scope="module")
def strict() -> Iterator[Any]:
    """An app allowing one request a minute of each budget, and a client of it per address."""
    app = create_app(ONE_A_MINUTE)
    clients: list[TestClient] = []

    def client_at(address: str) -> TestClient:
        c = TestClient(app, follow_redirects=False, client=(address, 50000))
        clients.append(c.__enter__())
        return c

    yield client_at
    for c in clients:
        c.__exit__(None, None, None)


def message(r: Any) -> str:
    if r.headers["content-type"].startswith("application/json"):
        return r.json()["error"]
    return html.unescape(r.text)


@pytest.mark.parametrize(("n", "route"), list(enumerate(ROUTES)))
def test_each_route_that_runs_a_program_is_limited_with_retry_after(strict, n, route):
    method, path, kwargs, what = route
    c = strict(f"10.1.0.{n}")
    assert c.request(method, path, **kwargs).status_code < 400
    refused = c.request(method, path, **kwargs)
    assert refused.status_code == 429
    assert 1 <= int(refused.headers["retry-after"]) <= 60
    assert (f"Too many {what} from you just now: at most 1 a minute. Try again in "
            f"{refused.headers['retry-after']} s.") in message(refused)
    assert "content-security-policy" in refused.headers  # our answer, with our headers


def test_the_budgets_are_separate(strict):
    c = strict("10.2.0.1")
    assert c.get("/s/race-counter").status_code == 200
    assert c.get("/embed/s/race-counter").status_code == 429  # the same budget: steps
    assert c.post("/api/run", json={"scenario": "race-counter"}).status_code == 200
    assert c.post("/api/explore", json={"scenario": "race-counter"}).status_code == 200


def test_cheap_requests_are_never_limited(strict):
    c = strict("10.3.0.1")
    for _ in range(3):
        for path in ("/", "/healthz", "/static/embed.js", "/edit", "/api/scenarios",
                     "/openapi.json"):
            assert c.get(path).status_code == 200, path


def test_clients_have_budgets_of_their_own_and_ipv6_ones_by_their_64(strict):
    assert strict("10.4.0.1").get("/s/race-counter").status_code == 200
    assert strict("10.4.0.2").get("/s/race-counter").status_code == 200
    assert strict("2001:db8:1:2::1").get("/s/race-counter").status_code == 200
    assert strict("2001:db8:1:2:ffff::9").get("/s/race-counter").status_code == 429
    assert strict("2001:db8:1:3::1").get("/s/race-counter").status_code == 200


def test_a_client_is_its_address():
    assert client({"client": ("192.0.2.7", 1)}) == "192.0.2.7"
    assert client({"client": ("::ffff:192.0.2.7", 1)}) == "192.0.2.7"
    assert client({"client": ("2001:db8::1", 1)}) == "2001:db8::/64"
    assert client({"client": ("testclient", 1)}) == "testclient"
    assert client({"client": None}) == "unknown"


def test_forwarded_for_does_not_change_who_asks(strict):
    """In the app, X-Forwarded-For is never read (test_deploy checks uvicorn's part)."""
    c = strict("10.5.0.1")
    answers = [c.get("/s/race-counter", headers={"X-Forwarded-For": f"203.0.113.{i}"})
               for i in range(2)]
    assert [a.status_code for a in answers] == [200, 429]


# --- shared in Redis ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A redis-server of our own on a free loopback port, with nothing saved to disk."""
    server = shutil.which("redis-server")
    if server is None:
        unavailable("redis-server is missing (Debian: apt-get install redis-server)")
    port = free_port()
    log = tmp_path_factory.mktemp("redis") / "redis.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen([server, "--port", str(port), "--bind", "127.0.0.1",
                                 "--save", "", "--appendonly", "no"],
                                cwd=log.parent, stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert proc.poll() is None, log.read_text()
                assert time.monotonic() < deadline, "redis-server did not start"
                time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_two_apps_with_one_redis_share_one_budget(redis_url):
    settings = replace(UNLIMITED, steps_per_minute=3, rate_limit_storage=redis_url)
    with (TestClient(create_app(settings), client=("10.6.0.1", 1)) as one,
          TestClient(create_app(settings), client=("10.6.0.1", 2)) as two):
        answers = [c.get("/s/race-counter").status_code for c in (one, two, one, two)]
        assert answers == [200, 200, 200, 429]
        assert "at most 3 a minute" in html.unescape(two.get("/s/race-counter").text)
        # Another client, or the same one's other budgets, are not touched.
        assert two.post("/api/run", json={"scenario": "race-counter"}).status_code == 200
    with TestClient(create_app(settings), client=("10.6.0.2", 1)) as other:
        assert other.get("/s/race-counter").status_code == 200


def test_without_redis_each_worker_counts_for_itself(caplog):
    nowhere = f"redis://127.0.0.1:{free_port()}/0"  # nothing listens there
    settings = replace(UNLIMITED, steps_per_minute=2, rate_limit_storage=nowhere)
    with TestClient(create_app(settings)) as c:
        answers = [c.get("/s/race-counter").status_code for _ in range(3)]
    assert answers == [200, 200, 429]
    assert "this worker counts for itself" in caplog.text

