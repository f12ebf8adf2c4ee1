"""The JSON API under /api: shapes of the answers and the 4xx {"error": …} for bad input."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest
from starlette.testclient import TestClient

from app import scenarios
from app.main import create_app
from tests.support.servers import UNLIMITED

JSON = "application/json"
LOST = "a3bcb2c2b3c3a4"  # race-counter: both threads read 0 before either writes; prints 3
STEP_KEYS = {"step", "thread", "tid", "line", "kind", "action", "changes"}
OUTCOME_KEYS = {"kind", "globals", "output", "errors", "blocked", "reason"}
GOOD = "import threading\n\nx = 0\n\ndef f():\n    global x\n    x += 1\n\n" \
       "t = threading.Thread(target=f)\nt.start()\nt.join()\nprint(x)\n"
SPIN = "import threading\n\nn = 0\n\ndef spin():\n    global n\n    while True:\n" \
       "        n = n + 1\n\nt = threading.Thread(target=spin)\nt.start()\n"


def error_of(r, status: int) -> str:  # noqa: ANN001
    """The message of a JSON error answer with this status."""
    assert r.status_code == status, r.text
    assert r.headers["content-type"] == JSON
    body = r.json()
    assert isinstance(body, dict) and isinstance(body.get("error"), str), body
    assert body["error"]
    return body["error"]


# --- /api/scenarios -------------------------------------------------------------------------------

def test_scenarios(client: TestClient) -> None:
    r = client.get("/api/scenarios")
    assert r.status_code == 200
    assert r.headers["content-type"] == JSON
    data = r.json()
    assert [s["id"] for s in data] == list(scenarios.builtin())
    for s in data:
        assert set(s) == {"id", "title", "idea", "explain", "challenge", "goal", "policy",
                          "source"}
        assert all(isinstance(v, str) for v in s.values())
        assert s["title"] and s["policy"] in ("rr", "random", "cpython")
    race = next(s for s in data if s["id"] == "race-counter")
    assert race["goal"] == "counter < 4"
    assert race["source"] == scenarios.get("race-counter").source


# --- /api/compile ---------------------------------------------------------------------------------

def test_compile_source(client: TestClient) -> None:
    r = client.post("/api/compile", json={"source": GOOD})
    assert r.status_code == 200
    assert r.json() == {"ok": True, "shared": ["x"]}


def test_compile_scenario(client: TestClient) -> None:
    body = client.post("/api/compile", json={"scenario": "race-counter"}).json()
    assert body["ok"] is True
    assert "counter" in body["shared"] and body["shared"] == sorted(body["shared"])


@pytest.mark.parametrize("source, line, col, message", [
    ("x = 1\ny = (x +\n", 2, 5, "SyntaxError: '(' was never closed"),
    ("import subprocess\n", 1, 1, None),
])
def test_compile_error_has_position_and_hint(client: TestClient, source: str, line: int,
                                             col: int, message: str | None) -> None:
    r = client.post("/api/compile", json={"source": source})
    error = error_of(r, 400)
    body = r.json()
    assert body["line"] == line and body["col"] == col
    assert isinstance(body["hint"], str) and body["hint"]
    assert isinstance(body["message"], str)
    if message is not None:
        assert body["message"] == message
    assert error.startswith(f"line {line}, column {col}: {body['message']}")
    assert body["hint"] in error


def test_compile_budget_error_is_400(client: TestClient) -> None:
    assert "nested too deeply" in error_of(
        client.post("/api/compile", json={"source": "(" * 300}), 400)


def test_unknown_scenario_is_404(client: TestClient) -> None:
    for path in ("/api/compile", "/api/run", "/api/explore"):
        assert error_of(client.post(path, json={"scenario": "nope"}), 404) == (
            "no scenario called 'nope'")


@pytest.mark.parametrize("body", [{}, {"source": "x = 1\n", "scenario": "race-counter"},
                                  {"source": None, "scenario": None}])
def test_both_or_neither_of_source_and_scenario_is_422(client: TestClient,
                                                       body: dict[str, object]) -> None:
    for path in ("/api/compile", "/api/run", "/api/explore"):
        assert "exactly one of 'source' and 'scenario'" in error_of(
            client.post(path, json=body), 422)


def test_body_level_error_message_is_clean(client: TestClient) -> None:
    assert not error_of(client.post("/api/compile", json={}), 422).startswith(":")


@pytest.mark.parametrize("path, body, field", [
    ("/api/compile", {"source": 5}, "source"),
    ("/api/run", {"scenario": "race-counter", "policy": "fifo"}, "policy"),
    ("/api/run", {"scenario": "race-counter", "max_steps": 0}, "max_steps"),
    ("/api/run", {"scenario": "race-counter", "max_steps": 200_001}, "max_steps"),
    ("/api/run", {"scenario": "race-counter", "quantum": 0}, "quantum"),
    ("/api/run", {"scenario": "race-counter", "seed": "x"}, "seed"),
    ("/api/explore", {"scenario": "race-counter", "max_seconds": 0}, "max_seconds"),
    ("/api/explore", {"scenario": "race-counter", "max_seconds": 11}, "max_seconds"),
    ("/api/explore", {"scenario": "race-counter", "max_states": 0}, "max_states"),
])
def test_bad_field_is_422(client: TestClient, path: str, body: dict[str, object],
                          field: str) -> None:
    assert error_of(client.post(path, json=body), 422).startswith(f"{field}: ")


def test_malformed_json_is_422(client: TestClient) -> None:
    r = client.post("/api/run", content=b"{not json", headers={"content-type": JSON})
    assert "JSON" in error_of(r, 422)


@pytest.mark.parametrize("method, path, status", [("GET", "/api/nope", 404),
                                                  ("GET", "/api/run", 405)])
def test_api_routing_errors_are_json_errors(client: TestClient, method: str, path: str,
                                            status: int) -> None:
    error_of(client.request(method, path), status)


# --- /api/run -------------------------------------------------------------------------------------

def test_run_default_policy_records_every_step(client: TestClient) -> None:
    r = client.post("/api/run", json={"scenario": "race-counter"})
    assert r.status_code == 200
    assert r.headers["content-type"] == JSON
    body = r.json()
    assert set(body) == {"schedule", "steps", "outcome"}
    assert body["schedule"] == "a2babcbcbcbcbcaca3"
    assert [s["step"] for s in body["steps"]] == list(range(19))
    for s in body["steps"]:
        assert set(s) == STEP_KEYS
        assert s["thread"] in ("MainThread", "Thread-1 (increment)", "Thread-2 (increment)")
        assert isinstance(s["changes"], dict)
    assert body["steps"][0] == {"step": 0, "thread": "MainThread", "tid": 0, "line": 13,
                                "kind": "write", "action": "write counter ← 0",
                                "changes": {"counter": "0"}}
    outcome = body["outcome"]
    assert set(outcome) == OUTCOME_KEYS
    assert outcome["kind"] == "done"
    assert outcome["globals"] == {"counter": 2}
    assert outcome["output"] == ["2"]


def test_run_explicit_schedule_loses_an_update(client: TestClient) -> None:
    body = client.post("/api/run", json={"scenario": "race-counter", "schedule": LOST}).json()
    assert body["schedule"] == LOST
    actions = [(s["thread"], s["action"]) for s in body["steps"]]
    assert actions[3:9] == [
        ("Thread-1 (increment)", "read counter → 0"),
        ("Thread-2 (increment)", "read counter → 0"),
        ("Thread-1 (increment)", "0 + 1 = 1"),
        ("Thread-1 (increment)", "write counter ← 1"),
        ("Thread-2 (increment)", "0 + 1 = 1"),
        ("Thread-2 (increment)", "write counter ← 1"),
    ]
    assert body["outcome"]["kind"] == "done"
    assert body["outcome"]["output"] == ["3"]


def test_run_schedule_prefix_then_policy(client: TestClient) -> None:
    body = client.post("/api/run", json={"scenario": "race-counter", "schedule": "a3",
                                         "policy": "rr", "summary": True}).json()
    assert set(body) == {"schedule", "step_count", "outcome"}
    assert body["schedule"].startswith("a3")
    assert body["step_count"] == 19
    assert body["outcome"]["kind"] == "done"


def test_run_prefix_alone_pauses(client: TestClient) -> None:
    outcome = client.post("/api/run", json={"scenario": "race-counter",
                                            "schedule": "a3"}).json()["outcome"]
    assert outcome["kind"] == "paused"
    assert outcome["output"] == []


def test_run_deadlock_lists_who_waits_for_whom(client: TestClient) -> None:
    body = client.post("/api/run", json={"scenario": "deadlock-two-locks",
                                         "schedule": "a2bc"}).json()
    outcome = body["outcome"]
    assert outcome["kind"] == "deadlock"
    assert outcome["blocked"] == [
        {"thread": "MainThread", "reason": "waiting for thread_1 to finish (join)",
         "holds": [], "waits_for": "thread_1"},
        {"thread": "thread_1", "reason": "blocked on lock_b (held by thread_2)",
         "holds": ["lock_a"], "waits_for": "thread_2"},
        {"thread": "thread_2", "reason": "blocked on lock_a (held by thread_1)",
         "holds": ["lock_b"], "waits_for": "thread_1"},
    ]


@pytest.mark.parametrize("scenario, schedule, message", [
    ("deadlock-two-locks", "a2bcb", "thread_1 cannot run: blocked on lock_b"),
    ("deadlock-two-locks", "a5", "MainThread cannot run: waiting for thread_1 to finish"),
    ("race-counter", "b", "the schedule names thread 1, but the program has only 1 thread(s)"),
    ("race-counter", LOST + "a", "MainThread has already finished"),
    ("race-counter", "a!", "bad schedule at character 2 ('!')"),
])
def test_run_schedule_that_cannot_be_followed_is_400(client: TestClient, scenario: str,
                                                     schedule: str, message: str) -> None:
    r = client.post("/api/run", json={"scenario": scenario, "schedule": schedule})
    assert message in error_of(r, 400)


def test_run_compile_error_is_400_with_position(client: TestClient) -> None:
    r = client.post("/api/run", json={"source": "def f(:\n"})
    error_of(r, 400)
    assert r.json()["line"] == 1


def test_run_is_deterministic(client: TestClient) -> None:
    for body in ({"scenario": "race-counter", "policy": "random", "seed": 7},
                 {"scenario": "condition-queue", "policy": "cpython"},
                 {"source": GOOD, "policy": "rr", "quantum": 3}):
        first = client.post("/api/run", json=body)
        assert first.status_code == 200
        assert client.post("/api/run", json=body).content == first.content


def test_run_huge_repeat_count_stops_at_max_steps(client: TestClient) -> None:
    start = time.perf_counter()
    r = client.post("/api/run", json={"source": SPIN, "schedule": "a2b999999999",
                                      "max_steps": 50, "summary": True})
    assert time.perf_counter() - start < 5
    assert r.status_code == 200
    assert r.json()["step_count"] == 50
    assert r.json()["schedule"] == "a2b48"


# --- /api/explore ---------------------------------------------------------------------------------

def test_explore_counts_every_outcome(client: TestClient) -> None:
    r = client.post("/api/explore", json={"scenario": "race-counter", "goal": "counter < 4"})
    assert r.status_code == 200
    assert r.headers["content-type"] == JSON
    body = r.json()
    assert {"complete", "states", "transitions", "schedules", "seconds", "stopped", "outcomes",
            "races", "deadlocks", "goal"} <= set(body)
    assert body["complete"] is True and body["stopped"] == ""
    outputs = sorted(o["output"][0] for o in body["outcomes"])
    assert outputs == ["2", "3", "4"]
    assert sum(o["schedules"] for o in body["outcomes"]) == body["schedules"]
    for o in body["outcomes"]:
        assert OUTCOME_KEYS | {"schedules", "witness"} <= set(o)
        replay = client.post("/api/run", json={"scenario": "race-counter",
                                               "schedule": o["witness"]}).json()
        assert replay["outcome"]["output"] == o["output"]
    assert body["goal"]["reachable"] is True
    assert {r["variable"] for r in body["races"]} == {"counter"}
    for race in body["races"]:
        assert set(race["first"]) == {"thread", "line", "access"}
    assert body["deadlocks"] == []


def test_explore_finds_the_deadlock(client: TestClient) -> None:
    body = client.post("/api/explore", json={"scenario": "deadlock-two-locks",
                                             "goal": "deadlock"}).json()
    assert body["goal"] == {"reachable": True, "witness": "a2bc", "proof": False}
    [deadlock] = body["deadlocks"]
    assert [(c["thread"], c["holds"], c["waits_for"]) for c in deadlock["cycle"]] == [
        ("thread_1", ["lock_a"], "thread_2"), ("thread_2", ["lock_b"], "thread_1")]


def test_explore_proves_an_impossible_goal(client: TestClient) -> None:
    goal = client.post("/api/explore", json={"scenario": "race-counter",
                                             "goal": "counter < 2"}).json()["goal"]
    assert goal == {"reachable": False, "witness": None, "proof": True}


def test_explore_bad_goal_is_400(client: TestClient) -> None:
    r = client.post("/api/explore", json={"scenario": "race-counter", "goal": "((("})
    assert "goal" in error_of(r, 400)


def test_explore_state_limit_makes_a_partial_result(client: TestClient) -> None:
    body = client.post("/api/explore", json={"scenario": "race-counter",
                                             "max_states": 10}).json()
    assert body["complete"] is False
    assert body["stopped"] == "the state limit of 10 was reached"


def test_explore_respects_its_time_limit() -> None:
    # States enough that time runs out first: the lesson's counter has millions.
    settings = replace(UNLIMITED, explore_states=50_000_000)
    with TestClient(create_app(settings)) as client:
        start = time.perf_counter()
        body = client.post("/api/explore", json={"scenario": "lesson-counter",
                                                 "max_states": 50_000_000,
                                                 "max_seconds": 0.5}).json()
    elapsed = time.perf_counter() - start
    assert body["stopped"] == "the time limit of 0.5 s was reached"
    assert elapsed < 1.0, f"a 0.5 s exploration took {elapsed:.1f} s"


def test_openapi_lists_the_api(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/scenarios", "/api/compile", "/api/run", "/api/explore"} <= set(paths)
