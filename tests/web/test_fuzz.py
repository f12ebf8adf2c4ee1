"""Hypothesis against the HTTP surface: generated JSON bodies for every API route (shaped by
the OpenAPI schema's field names, with values of every JSON type) and generated query strings
for the pages. Whatever arrives, the answer is a 2xx or a 4xx with a message: never a 500."""

from __future__ import annotations

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import scenarios
from tests.support.pages import enc

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                                 max_size=3),
    max_leaves=6)
FIELDS = ["source", "scenario", "schedule", "policy", "quantum", "seed", "max_steps", "summary",
          "goal", "max_states", "max_seconds"]
GOOD = {"source": st.sampled_from(["x = 1\n", "import threading\nx = 0\n", "def f(:\n"]),
        "scenario": st.sampled_from([*list(scenarios.builtin())[:6], "nope", ""]),
        "schedule": st.text(alphabet="abcz0123_", max_size=12),
        "policy": st.sampled_from(["rr", "random", "cpython", "fifo"]),
        "goal": st.sampled_from(["counter == 1", "deadlock", "at(3) >= 2", "import os", ""]),
        "max_seconds": st.floats(0.01, 1.0), "max_states": st.integers(1, 500),
        "max_steps": st.integers(1, 5_000)}
BODY = st.dictionaries(st.sampled_from(FIELDS), JSON, max_size=5) | st.fixed_dictionaries(
    {}, optional={k: v | JSON for k, v in GOOD.items()})
QUERY_TEXT = st.text(alphabet=string.printable + "é\u2028", max_size=20)


@settings(max_examples=250, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(route=st.sampled_from(["/api/compile", "/api/run", "/api/explore", "/api/verify"]),
       body=BODY)
def test_the_api_answers_any_body_without_a_500(client, route, body):
    r = client.post(route, json=body)
    assert r.status_code < 500, (route, body, r.text)
    if r.status_code >= 400:
        assert r.json()["error"]


@settings(max_examples=250, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(page=st.sampled_from(["/s/race-counter", "/embed/s/deadlock-two-locks",
                             f"/p?code={enc('x = 1')}", "/s/condition-queue"]),
       params=st.dictionaries(st.sampled_from(["schedule", "at", "policy", "advance", "v",
                                               "controls", "start", "end", "speed", "theme",
                                               "autoplay", "code"]),
                              QUERY_TEXT, max_size=4))
def test_the_pages_answer_any_query_without_a_500(client, page, params):
    r = client.get(page, params=params, follow_redirects=True)
    assert r.status_code < 500, (page, params, r.text[:500])
