"""`schedule`: the schedule's text form, its limits and its error messages. (Round trips of
`encode`/`encode_runs` are properties in test_properties.py; policy turns are in
test_policy_turns.py.)"""

from __future__ import annotations

from itertools import groupby

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.engine import ScheduleError, decode, encode, length, thread_letter
from app.engine.schedule import (
    MAX_LENGTH,
    MAX_POLICY_TURNS,
    decode_runs,
    encode_runs,
    open_ended,
    runs_of,
    turns,
)


def test_thread_letters_run_a_z_then_A_Z_then_numbers() -> None:
    assert [thread_letter(t) for t in (0, 25, 26, 51, 52, 9999)] == [
        "a", "z", "A", "Z", "_52_", "_9999_"]
    assert len({thread_letter(t) for t in range(300)}) == 300


@given(st.lists(st.integers(0, 80), max_size=200))
def test_the_runs_and_the_length_of_an_encoded_schedule(steps: list[int]) -> None:
    text = encode(steps)
    expected = [(tid, len(list(run))) for tid, run in groupby(steps)]
    assert runs_of(text) == expected == decode_runs(text)
    assert length(text) == len(steps)
    assert not open_ended(text)


def test_a_run_of_one_step_has_no_count_and_counts_merge() -> None:
    assert encode_runs([(0, 1), (1, 2), (1, 3), (2, 0), (0, -1), (0, 1)]) == "ab5a"
    assert encode_runs([]) == ""


@pytest.mark.parametrize(("text", "words"), [
    ("ab!", "at character 3 ('!')"),
    ("a3b0", "at character 3: a repeat count of 0"),
    ("_12345_", "at character 1 ('_')"),
    ("a 3", "at character 2 (' ')"),
    ("a-3", "at character 2 ('-')"),
])
def test_a_bad_schedule_names_the_character_where_it_goes_wrong(text: str, words: str) -> None:
    with pytest.raises(ScheduleError, match="bad schedule") as caught:
        turns(text)
    assert words in str(caught.value)


def test_a_schedule_over_the_length_limit_is_refused() -> None:
    assert length("a" * MAX_LENGTH) == MAX_LENGTH
    with pytest.raises(ScheduleError, match="over the limit of 100,000 characters"):
        turns("a" * (MAX_LENGTH + 1))


def test_decode_refuses_too_many_steps_before_expanding_them() -> None:
    assert decode("a5b5", limit=10) == [0] * 5 + [1] * 5
    with pytest.raises(ScheduleError, match="has 11 steps, over the limit of 10 steps"):
        decode("a5b6", limit=10)
    with pytest.raises(ScheduleError, match="over the limit"):
        decode("a999999999")  # 12 characters; a billion steps are never listed


def test_a_schedule_leaves_steps_to_a_policy_a_bounded_number_of_times() -> None:
    assert len(turns("~rr1" * MAX_POLICY_TURNS)) == MAX_POLICY_TURNS
    with pytest.raises(ScheduleError, match="more than 64 times"):
        turns("~rr1" * (MAX_POLICY_TURNS + 1))


def test_a_policy_turn_with_a_parameter_and_a_count() -> None:
    assert turns("~rr.100-500a~random.7") == [("rr.100", 500), (0, 1), ("random.7", None)]
    assert encode_runs(turns("~rr.100-500a~random.7")) == "~rr.100-500a~random.7"
    assert length("~rr.100-500a~random.7") == 501
    assert open_ended("~rr.100-500a~random.7")


def test_runs_of_a_written_schedule_are_not_held_to_the_limits() -> None:
    long = "ab" * (MAX_LENGTH // 2 + 1)
    assert len(runs_of(long)) == MAX_LENGTH + 2
    with pytest.raises(ScheduleError):
        decode_runs(long)
