"""Golden traces of the lesson's scenarios: every step in words, and the outcome.

A change in a trace is either a bug or a deliberate change of the step model; either way a
person should look at the diff. Regenerate with

    python -m tests.test_golden --update        (or INTERLEAVE_UPDATE_GOLDEN=1 pytest …)

and read the new files against ../shared/SEMANTICS.md before committing them.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest

from app import scenarios
from app.engine import Explicit, Policy, RoundRobin, compile_program, run
from app.engine.values import represent

GOLDEN = Path(__file__).parent / "golden"

#: Over a million steps each: their outcomes are checked in test_scenarios instead.
TOO_LONG = {"lesson-counter", "gil-call-race"}

#: Hand-picked schedules: (file stem, scenario, schedule, what it shows).
EXPLICIT = [
    ("race-counter-lost-update", "race-counter", "a3bcb2c2b3c3a4",
     "both threads read 0 before either writes: one increment is lost and it prints 3"),
    ("deadlock-two-locks-deadlock", "deadlock-two-locks", "a2bc",
     "each thread takes its first lock: deadlock"),
]


def cases() -> dict[str, tuple[str, str | None, str]]:
    """file stem → (scenario id, explicit schedule or None for round-robin, description)."""
    found: dict[str, tuple[str, str | None, str]] = {
        sid: (sid, None, "round-robin, one step each") for sid in scenarios.builtin()
        if sid not in TOO_LONG}
    for stem, sid, schedule, about in EXPLICIT:
        found[stem] = (sid, schedule, about)
    return found


def produce(stem: str) -> dict[str, Any]:
    sid, schedule, about = cases()[stem]
    policy: Policy = RoundRobin(1) if schedule is None else Explicit(schedule)
    result = run(compile_program(scenarios.get(sid).source), policy, record=True)
    data = {"scenario": sid, "policy": "rr" if schedule is None else f"schedule {schedule}",
            "about": about, "run": result.to_dict()}
    # Through JSON and back, exactly as the file stores it (tuples become lists, and so on).
    return json.loads(json.dumps(data, ensure_ascii=False, default=represent))


def path_of(stem: str) -> Path:
    return GOLDEN / f"{stem}.json"


def render(data: dict[str, Any]) -> str:
    """JSON with one step per line, so that a trace reads (and diffs) like the CLI's table."""
    def dumps(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False)

    result = data["run"]
    head = [f"  {dumps(k)}: {dumps(v)}," for k, v in data.items() if k != "run"]
    steps = ",\n".join(f"      {dumps(step)}" for step in result["steps"])
    outcome = json.dumps(result["outcome"], ensure_ascii=False, indent=2).replace("\n", "\n    ")
    return "\n".join(["{", *head, '  "run": {', f'    "schedule": {dumps(result["schedule"])},',
                      '    "steps": [', steps, "    ],", f'    "outcome": {outcome}', "  }",
                      "}"]) + "\n"


def write(stem: str) -> Path:
    path = path_of(stem)
    path.parent.mkdir(exist_ok=True)
    path.write_text(render(produce(stem)), encoding="utf-8")
    return path


def update() -> list[Path]:
    return [write(stem) for stem in cases()]


@pytest.mark.parametrize("stem", sorted(cases()))
def test_trace_matches_the_golden_file(stem):
    if os.environ.get("INTERLEAVE_UPDATE_GOLDEN"):
        write(stem)
    expected = json.loads(path_of(stem).read_text(encoding="utf-8"))
    got = produce(stem)
    assert got["run"]["outcome"] == expected["run"]["outcome"]
    assert got["run"]["schedule"] == expected["run"]["schedule"]
    assert got["run"]["steps"] == expected["run"]["steps"]
    assert got == expected


def test_no_stale_golden_files():
    assert {p.stem for p in GOLDEN.glob("*.json")} == set(cases())


def test_the_hand_picked_schedules_show_what_they_claim():
    lost = json.loads(path_of("race-counter-lost-update").read_text(encoding="utf-8"))["run"]
    assert lost["outcome"]["kind"] == "done"
    assert lost["outcome"]["output"] == ["3"]
    stuck = json.loads(path_of("deadlock-two-locks-deadlock").read_text(encoding="utf-8"))["run"]
    assert stuck["outcome"]["kind"] == "deadlock"
    assert [(b["thread"], b["holds"], b["waits_for"]) for b in stuck["outcome"]["blocked"]] == [
        ("MainThread", [], "thread_1"), ("thread_1", ["lock_a"], "thread_2"),
        ("thread_2", ["lock_b"], "thread_1")]


def test_a_string_item_does_not_read_like_the_end_of_the_list():
    source = ("import threading\nitems = ['end of list']\ndef f():\n    for x in items:\n"
              "        pass\nt = threading.Thread(target=f)\nt.start()\n")
    steps = [s.action for s in run(compile_program(source), RoundRobin(1)).steps
             if "items" in s.action or "next item" in s.action]
    assert steps == ["next item of ['end of list'] → 'end of list'",
                     "['end of list'] has no more items: the loop ends"]


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit("usage: python -m tests.test_golden --update")
    for written in update():
        print(f"wrote {written}")
