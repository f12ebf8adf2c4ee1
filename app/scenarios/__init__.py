"""Built-in scenarios: ordinary Python programs with a small metadata header.

A scenario file starts with `# key: value` comment lines (title, idea, explain, challenge,
goal, goal_for, order, policy, start; for the path's cards and rewards primitive,
difficulty, task, lesson), then the program exactly as a learner would run it. Repeated keys
(such as `explain`) are joined with spaces. The file name without `.py` is the scenario's id, with
underscores shown as hyphens in URLs (`race_counter.py` → `race-counter`).

Teachers add their own scenarios as such files in folders named by the INTERLEAVE_SCENARIOS
environment variable (several separated by `:`), which `interleave serve --scenarios DIR`
sets; a teacher's file with a built-in's name replaces it. See docs/scenarios.md.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..engine import (
    DEFAULT_POLICY,
    DEFAULT_BUDGETS,
    POLICIES,
    BudgetError,
    Budgets,
    CompileError,
    compile_program,
    parse_goal,
)

ID = re.compile(r"[a-z0-9][a-z0-9-]*")
HEADER = re.compile(r"#\s*([a-z_]+)\s*:\s?(.*)")
KEYS: tuple[str, ...] = (
    "title", "idea", "explain", "challenge", "goal", "order", "policy", "start",
    "goal_for",
)
KEYS += ("primitive", "difficulty", "task", "lesson")  # the path's cards and its rewards
#: A card's goal longer than this is cut at its colon (if six words or more come before it).
AIM = 100
#: How hard a challenge is, as the path's cards say it.
DIFFICULTIES = ("easy", "medium", "hard")
#: Where a scenario's page opens: at step 0, or once MainThread has started its threads.
STARTS = ("0", "setup")
#: Whether a goal is met by finding one schedule, or is a claim about every schedule (which
#: the explorer answers as a proof or a counterexample).
GOAL_FOR = ("some schedule", "every schedule")
BUILTIN_DIR = Path(__file__).parent
#: The environment variable naming the teachers' scenario folders.
ENV = "INTERLEAVE_SCENARIOS"


@dataclass(frozen=True)
class Scenario:
    id: str
    title: str
    idea: str
    explain: str
    challenge: str
    goal: str
    order: int
    policy: str
    source: str
    start: str = "0"
    goal_for: str = "some schedule"
    #: What the scenario teaches (`Lock`, `Condition`, …), shown on its card.
    primitive: str = ""
    difficulty: str = ""
    #: The challenge in one line, for the card (else the challenge's first sentence).
    task: str = ""
    #: The one thing to remember, said when the challenge is met.
    lesson: str = ""

    @property
    def claim(self) -> bool:
        """Whether the goal is a claim about every schedule, not a result to find."""
        return self.goal_for == "every schedule"

    @property
    def aim(self) -> str:
        """The card's one-line goal: the task, or the challenge's first sentence (a long one
        up to its colon: "Make the innocent worker take the blame: let …")."""
        if self.task or not self.challenge:
            return self.task
        end = re.search(r"[.!?](\s|$)", self.challenge)
        first = self.challenge[:end.end()].strip() if end else self.challenge
        lead = first.split(": ", 1)[0]
        if len(first) > AIM and lead != first and len(lead.split()) >= 6:
            first = lead + "."
        return first

    def to_dict(self, with_source: bool = False) -> dict[str, object]:
        data: dict[str, object] = {
            "id": self.id, "title": self.title, "idea": self.idea, "explain": self.explain,
            "challenge": self.challenge, "goal": self.goal, "policy": self.policy,
        }
        if with_source:
            data["source"] = self.source
        return data


class ScenarioError(ValueError):
    """A scenario file whose header is missing a title or has a bad value."""


def parse(scenario_id: str, text: str) -> Scenario:
    """Read a scenario file's header; the whole text stays the program's source."""
    fields: dict[str, list[str]] = {}
    for line in text.splitlines():
        if not line.strip():
            if fields:
                break
            continue
        match = HEADER.fullmatch(line.strip())
        if match is None or match.group(1) not in KEYS:
            break
        fields.setdefault(match.group(1), []).append(match.group(2).strip())
    if not ID.fullmatch(scenario_id):
        raise ScenarioError(f"scenario {scenario_id}: a file name may use only lower-case "
                            f"letters, digits, '_' and '-'")
    if "title" not in fields:
        raise ScenarioError(f"scenario {scenario_id}: the header has no '# title:' line")
    joined = {k: " ".join(v) for k, v in fields.items()}
    try:
        order = int(joined.get("order", "1000"))
    except ValueError:
        raise ScenarioError(f"scenario {scenario_id}: order must be a whole number") from None
    return Scenario(
        id=scenario_id, title=joined["title"], idea=joined.get("idea", ""),
        explain=joined.get("explain", ""), challenge=joined.get("challenge", ""),
        goal=joined.get("goal", ""), order=order, policy=joined.get("policy", DEFAULT_POLICY),
        source=text, start=joined.get("start", "0"),
        goal_for=joined.get("goal_for", "some schedule"), primitive=joined.get("primitive", ""),
        difficulty=joined.get("difficulty", ""), task=joined.get("task", ""),
        lesson=joined.get("lesson", ""),
    )


def load_dir(directory: Path) -> dict[str, Scenario]:
    """Every `*.py` scenario in `directory`, by id, in gallery order."""
    if not directory.is_dir():
        raise ScenarioError(f"{directory}: no such folder of scenarios")
    found = []
    for path in directory.glob("*.py"):
        if path.name.startswith("_"):
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise ScenarioError(f"{path}: cannot read it: {e}") from None
        found.append(parse(path.stem.replace("_", "-"), text))
    return _ordered(found)


def check(scenario: Scenario, budgets: Budgets = DEFAULT_BUDGETS) -> None:
    """Compile the program (within the server's budgets) and its goal and check its policy: a
    teacher's mistake is reported when the server starts, with the file and line, not when a
    learner opens the page."""
    if scenario.start not in STARTS:
        raise ScenarioError(f"scenario {scenario.id}: start {scenario.start!r} is not one of "
                            f"{', '.join(STARTS)}")
    if scenario.goal_for not in GOAL_FOR:
        raise ScenarioError(f"scenario {scenario.id}: goal_for {scenario.goal_for!r} is not "
                            f"one of {', '.join(GOAL_FOR)}")
    if scenario.difficulty and scenario.difficulty not in DIFFICULTIES:
        raise ScenarioError(f"scenario {scenario.id}: difficulty {scenario.difficulty!r} is "
                            f"not one of {', '.join(DIFFICULTIES)}")
    if scenario.policy not in POLICIES:
        raise ScenarioError(f"scenario {scenario.id}: policy {scenario.policy!r} is not one of "
                            f"{', '.join(POLICIES)}")
    try:
        compile_program(scenario.source, f"{scenario.id}.py", budgets)
    except CompileError as e:
        raise ScenarioError(f"scenario {scenario.id}, line {e.line}, column {e.col}: "
                            f"{e.message}" + (f" ({e.hint})" if e.hint else "")) from None
    except BudgetError as e:
        raise ScenarioError(f"scenario {scenario.id}: {e}") from None
    if scenario.goal:
        try:
            parse_goal(scenario.goal)
        except CompileError as e:
            raise ScenarioError(f"scenario {scenario.id}: bad goal: {e.message}") from None


def _ordered(found: list[Scenario]) -> dict[str, Scenario]:
    return {s.id: s for s in sorted(found, key=lambda s: (s.order, s.id))}


@cache
def builtin() -> dict[str, Scenario]:
    return load_dir(BUILTIN_DIR)


@cache
def catalog() -> dict[str, Scenario]:
    """The built-in scenarios and the teachers' (from INTERLEAVE_SCENARIOS), in order."""
    found = dict(builtin())
    for folder in os.environ.get(ENV, "").split(os.pathsep):
        if folder:
            found.update(load_dir(Path(folder)))
    return _ordered(list(found.values()))


def get(scenario_id: str) -> Scenario | None:
    return catalog().get(scenario_id.replace("_", "-"))
