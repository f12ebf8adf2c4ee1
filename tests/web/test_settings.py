"""Settings: each budget read from its INTERLEAVE_* variable, a bad value refused at startup
in one line, and each lowered budget hit through the app with a message naming it."""

from __future__ import annotations

import html
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace

import pytest
from starlette.testclient import TestClient

from app.engine import Budgets
from app.main import Settings, create_app
from app.web.settings import SettingsError
from tests.support.pages import enc
from tests.support.servers import REPO, UNLIMITED

FOUR_THREADS = ("import threading\ndef f():\n    pass\nfor _ in range(4):\n"
                "    threading.Thread(target=f).start()\n")


def app_with(**changes: object) -> TestClient:
    return TestClient(create_app(replace(UNLIMITED, **changes)), follow_redirects=False)


@pytest.fixture(scope="module")
def low() -> Iterator[TestClient]:
    """An app with every budget lowered (the source size and nesting only as far as the
    built-in scenarios allow)."""
    budgets = Budgets(source_bytes=2_500, nesting=4, threads=3, int_bits=100, items=10,
                      local_ops=500)
    with app_with(budgets=budgets, max_steps=100, page_steps=10, explore_states=10,
                  explore_seconds=2.0, max_url=2_000, max_body=3_000) as c:
        yield c


def reason(client: TestClient, source: str) -> str:
    r = client.post("/api/run", json={"source": source, "summary": True})
    assert r.status_code == 200, r.text
    return r.json()["outcome"]["reason"]


# --- from the environment ---------------------------------------------------------------------

def test_no_variables_give_the_defaults():
    assert Settings.from_env({}) == Settings()


@pytest.mark.parametrize(("variable", "value", "read"), [
    ("INTERLEAVE_MAX_SOURCE_BYTES", "1000", lambda s: s.budgets.source_bytes),
    ("INTERLEAVE_MAX_NESTING", "7", lambda s: s.budgets.nesting),
    ("INTERLEAVE_MAX_THREADS", "8", lambda s: s.budgets.threads),
    ("INTERLEAVE_MAX_INT_BITS", "64", lambda s: s.budgets.int_bits),
    ("INTERLEAVE_MAX_ITEMS", "50", lambda s: s.budgets.items),
    ("INTERLEAVE_MAX_LOCAL_OPS", "900", lambda s: s.budgets.local_ops),
    ("INTERLEAVE_MAX_STEPS", "1000", lambda s: s.max_steps),
    ("INTERLEAVE_PAGE_STEPS", "100", lambda s: s.page_steps),
    ("INTERLEAVE_EXPLORE_STATES", "99", lambda s: s.explore_states),
    ("INTERLEAVE_EXPLORE_SECONDS", "2.5", lambda s: s.explore_seconds),
    ("INTERLEAVE_MAX_URL", "5000", lambda s: s.max_url),
    ("INTERLEAVE_MAX_BODY", "6000", lambda s: s.max_body),
    ("INTERLEAVE_EXPLORERS", "3", lambda s: s.explorers),
    ("INTERLEAVE_STEPS_PER_MINUTE", "300", lambda s: s.steps_per_minute),
    ("INTERLEAVE_RUNS_PER_MINUTE", "30", lambda s: s.runs_per_minute),
    ("INTERLEAVE_EXPLORES_PER_MINUTE", "3", lambda s: s.explores_per_minute),
])
def test_each_variable_sets_its_budget(variable, value, read):
    assert read(Settings.from_env({variable: f" {value} "})) == float(value)


@pytest.mark.parametrize("value", ["", "lots", "0", "-3", "1.5", "1e3"])
def test_a_bad_whole_number_names_its_variable(value):
    with pytest.raises(SettingsError) as e:
        Settings.from_env({"INTERLEAVE_MAX_THREADS": value})
    assert str(e.value) == (f"INTERLEAVE_MAX_THREADS must be a whole number above 0, "
                            f"not {value!r}")


@pytest.mark.parametrize("value", ["soon", "0", "-1", "nan", "inf"])
def test_a_bad_number_of_seconds_names_its_variable(value):
    with pytest.raises(SettingsError, match="INTERLEAVE_EXPLORE_SECONDS must be a number of "
                                            "seconds above 0"):
        Settings.from_env({"INTERLEAVE_EXPLORE_SECONDS": value})


@pytest.mark.parametrize(("variable", "value", "read", "expected"), [
    ("INTERLEAVE_RATE_LIMIT_STORAGE", " redis://:secret@cache:6379/1 ",
     lambda s: s.rate_limit_storage, "redis://:secret@cache:6379/1"),
    ("INTERLEAVE_RATE_LIMIT_STORAGE", "", lambda s: s.rate_limit_storage, "memory://"),
    ("INTERLEAVE_TRUSTED_PROXIES", " 10.0.0.5, 172.16.0.0/12,::1 ",
     lambda s: s.trusted_proxies, "10.0.0.5,172.16.0.0/12,::1"),
    ("INTERLEAVE_PUBLIC_URL", "https://interleave.example/", lambda s: s.public_url,
     "https://interleave.example"),
    ("INTERLEAVE_PUBLIC_URL", "http://[::1]:8000", lambda s: s.public_url,
     "http://[::1]:8000"),
])
def test_each_address_setting_is_read(variable, value, read, expected):
    assert read(Settings.from_env({variable: value})) == expected


@pytest.mark.parametrize(("variable", "value"), [
    ("INTERLEAVE_RATE_LIMIT_STORAGE", "mongodb://user:secret@db"),
    ("INTERLEAVE_RATE_LIMIT_STORAGE", "localhost:6379"),
    ("INTERLEAVE_TRUSTED_PROXIES", "proxy.internal"),
    ("INTERLEAVE_TRUSTED_PROXIES", "10.0.0.0/33"),
    ("INTERLEAVE_PUBLIC_URL", "interleave.example"),
    ("INTERLEAVE_PUBLIC_URL", "https://interleave.example/course"),
    ("INTERLEAVE_PUBLIC_URL", "https://interleave.example:port"),
    ("INTERLEAVE_PUBLIC_URL", "ftp://interleave.example"),
])
def test_a_bad_address_names_its_variable_and_never_a_password(variable, value):
    with pytest.raises(SettingsError) as e:
        Settings.from_env({variable: value})
    assert str(e.value).startswith(f"{variable} must be") and "secret" not in str(e.value)


def test_a_bad_value_stops_the_server_with_one_line():
    env = {**os.environ, "INTERLEAVE_MAX_BODY": "big"}
    done = subprocess.run(
        [sys.executable, "-m", "uvicorn", "app.main:app", "--port", "0"], cwd=REPO, env=env,
        capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert "interleave: INTERLEAVE_MAX_BODY must be a whole number above 0, not 'big'" in (
        done.stderr)
    assert "Traceback" not in done.stderr


def test_budgets_too_small_for_a_scenario_stop_the_server():
    with pytest.raises(SettingsError, match=r"the scenario '[\w-]+' does not compile within "
                                            r"these budgets: the program is over the limit of "
                                            r"300 bytes"):
        create_app(Settings(budgets=Budgets(source_bytes=300)))


# --- each budget, lowered, through the app --------------------------------------------------

def test_source_size(low: TestClient):
    big = "x" * 2_600
    r = low.post("/api/compile", json={"source": big})
    assert r.status_code == 400
    assert r.json()["error"] == "the program is over the limit of 2,500 bytes"
    r = low.get("/p", params={"code": enc(big)})
    assert r.status_code == 400 and "the program is over the limit of 2,500 bytes" in r.text
    r = low.post("/edit", data={"source": big})
    assert r.status_code == 400 and "over the limit of 2,500 bytes" in r.text


def test_nesting(low: TestClient):
    source = "".join("    " * i + "if True:\n" for i in range(5)) + "    " * 5 + "x = 1\n"
    r = low.post("/api/compile", json={"source": source})
    assert r.status_code == 400 and "nested too deeply (over 4 levels)" in r.json()["error"]


def test_threads(low: TestClient):
    limit = "the program creates more than 3 threads (the limit for one run)"
    assert reason(low, FOUR_THREADS) == limit
    page = low.get("/p", params={"code": enc(FOUR_THREADS), "schedule": "a5"})
    assert page.status_code == 200 and limit in html.unescape(page.text)


def test_threads_in_an_exploration(low: TestClient):
    r = low.post("/api/explore", json={"source": FOUR_THREADS})
    assert r.status_code == 200
    reasons = {o["reason"] for o in r.json()["outcomes"]}
    assert reasons == {"the program creates more than 3 threads (the limit for one run)"}


def test_the_same_program_under_other_budgets_is_not_mixed_up(low: TestClient):
    with app_with() as default:
        for _ in range(2):  # the second time from the caches
            assert "3 threads" in reason(low, FOUR_THREADS)
            assert reason(default, FOUR_THREADS) == ""
            page = default.get("/p", params={"code": enc(FOUR_THREADS), "schedule": "a5"})
            assert "threads (the limit" not in page.text


def test_integer_size_items_and_local_operations(low: TestClient):
    assert reason(low, "x = 2 ** 200") == "2 ** 200 is over the limit of 100 bits for one integer"
    assert reason(low, "x = [0] * 11") == ("repeating a sequence 11 times is over the limit of "
                                           "10 items")
    assert "ran 500 operations without touching shared state" in reason(
        low, "x = 0\nwhile x < 1000:\n    x += 1\n")


def test_steps_through_the_api(low: TestClient):
    r = low.post("/api/run", json={"scenario": "race-counter", "max_steps": 101})
    assert r.status_code == 422
    assert r.json()["error"] == "max_steps: over this server's limit of 100 steps"
    spin = "while True:\n    print(1)\n"
    assert reason(low, spin) == "the step limit of 100 was reached"
    r = low.post("/api/verify", json={"scenario": "race-counter", "schedule": "a101"})
    assert r.status_code == 400 and "over the limit of 100" in r.json()["error"]


def test_steps_on_a_page(low: TestClient):
    r = low.get("/s/race-counter", params={"schedule": "a11"})
    assert r.status_code == 400 and "over the limit of 10 steps the page shows" in r.text
    page = low.get("/s/race-counter", params={"schedule": "a3bcb2c2b"}).text
    assert "the page follows runs up to 10 steps" in page


def test_exploration_states_and_seconds(low: TestClient):
    r = low.post("/api/explore", json={"scenario": "race-counter"})
    assert r.json()["stopped"] == "the state limit of 10 was reached"
    r = low.post("/api/explore", json={"scenario": "race-counter", "max_states": 11})
    assert r.status_code == 422
    assert r.json()["error"] == "max_states: over this server's limit of 10 states"
    r = low.post("/api/explore", json={"scenario": "race-counter", "max_seconds": 2.5})
    assert r.json()["error"] == "max_seconds: over this server's limit of 2 s"
    assert "at most 2 s" in low.get("/s/race-counter").text
    assert "state limit of 10" in low.get("/explore/s/race-counter").text


def test_address_and_body(low: TestClient):
    r = low.get("/s/race-counter", params={"schedule": "a" * 2_000})
    assert r.status_code == 414 and r.text == "The address is over 2,000 characters."
    r = low.post("/api/compile", json={"source": "#" * 3_000})
    assert r.status_code == 413
    assert r.json()["error"] == "The request body is over the limit of 3,000 bytes."
