"""Built-in scenarios: plain Python programs with a small metadata header.

A scenario file starts with `# key: value` comment lines (title, idea, explain, challenge,
goal, order, policy), then the program exactly as a learner would run it. Repeated keys (such
as `explain`) are joined with spaces. The file name without `.py` is the scenario's id, with
underscores shown as hyphens in URLs (`race_counter.py` → `race-counter`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

HEADER = re.compile(r"#\s*([a-z_]+)\s*:\s?(.*)")
KEYS = ("title", "idea", "explain", "challenge", "goal", "order", "policy")
BUILTIN_DIR = Path(__file__).parent


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
        goal=joined.get("goal", ""), order=order, policy=joined.get("policy", "rr"),
        source=text,
    )


def load_dir(directory: Path) -> dict[str, Scenario]:
    """Every `*.py` scenario in `directory`, by id, in gallery order."""
    found = [parse(path.stem.replace("_", "-"), path.read_text(encoding="utf-8"))
             for path in directory.glob("*.py") if not path.name.startswith("_")]
    found.sort(key=lambda s: (s.order, s.id))
    return {s.id: s for s in found}


@cache
def builtin() -> dict[str, Scenario]:
    return load_dir(BUILTIN_DIR)


def get(scenario_id: str) -> Scenario | None:
    return builtin().get(scenario_id.replace("_", "-"))
