"""Plans: a schedule's text and the thread of each step, and the texts of its starts, which
name the machines a page keeps (app/web/plan.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.engine import encode
from app.web.plan import Plan, explicit

tids_and_step = st.lists(st.integers(0, 3), max_size=14).flatmap(
    lambda tids: st.tuples(st.just(tids), st.integers(0, len(tids))))


@given(tids_and_step)
def test_an_explicit_plan_names_each_step_and_cuts_as_encoding_does(case):
    tids, at = case
    plan = explicit(encode(tids), 1_000)
    assert plan is not None and plan.total == len(tids)
    assert [plan.tid(i) for i in range(len(tids))] == tids
    assert plan.cut(at) == encode(tids[:at])
    assert [t for tid, a, b in plan.runs(0, len(tids)) for t in [tid] * (b - a)] == tids


@given(tids_and_step)
def test_a_step_button_keeps_later_steps_only_when_it_repeats_them(case):
    tids, at = case
    plan = explicit(encode(tids), 1_000)
    assert plan is not None
    for tid in range(4):
        kept = at < len(tids) and tids[at] == tid
        assert plan.then(at, tid) == encode(tids if kept else tids[:at] + [tid])


@given(st.integers(1, 40), st.integers(0, 40), st.sampled_from([0, 1, 2]))
def test_a_policys_turn_cut_short_keeps_its_name(steps, at, tid):
    """A plan whose policy turn took `steps` steps, all by thread 1 and 2 in turn."""
    runs = [(1 + i % 2, 1) for i in range(steps)]
    plan = Plan("a~rr", [(0, 1), ("rr", steps)], [(0, 1), *runs])
    at = min(at, plan.total)
    assert plan.cut(at) == ("" if at == 0 else "a" if at == 1 else f"a~rr{at - 1}")
    assert plan.policy_at(min(at, plan.total - 1)) == (None if at == 0 else "rr")
    if at < plan.total and plan.tid(at) == tid:
        assert plan.then(at, tid) == "a~rr"
    else:
        merged = at == 1 and tid == 0  # MainThread's one step, and one more
        assert plan.then(at, tid) == ("a2" if merged else plan.cut(at) + "abc"[tid])
