"""The engine on the other CPythons it may be served by (3.11 and up; the Docker image runs
3.13): the same programs explore to the same answers. 3.13 once refused to let the explorer
set an Unpickler's hook, and every walk failed there while the 3.11 tests passed."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from app.engine import compile_program
from app.engine.explorer import explore
from app.sized import counter, philosophers, producers_consumers

REPO = Path(__file__).resolve().parent.parent
HOSTS = [Path(f"/root/.pyenv/versions/{version}/bin/python") for version in ("3.12.1", "3.13.0")]

#: Small programs that walk through parts, plain steps, locks from a list and a queue's waits.
PROGRAMS = [counter(2, 2), counter(2, 2, lock=True), philosophers(3),
            producers_consumers(1, 1)]

_EXPLORE = """
import json, sys
from app.engine import compile_program
from app.engine.explorer import explore
print(json.dumps([explore(compile_program(source)).to_dict()
                  for source in json.loads(sys.stdin.read())]))
"""


def _without_time(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{key: value for key, value in r.items() if key != "seconds"} for r in results]


@pytest.mark.parametrize("host", HOSTS, ids=lambda p: p.parent.parent.name)
def test_a_program_explores_the_same_on_every_host(host: Path) -> None:
    if not host.exists():
        pytest.skip(f"{host} is not installed")
    done = subprocess.run([str(host), "-c", _EXPLORE], input=json.dumps(PROGRAMS), text=True,
                          capture_output=True, cwd=REPO, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(REPO)})
    assert done.returncode == 0, done.stderr[-2000:]
    here = json.loads(json.dumps([explore(compile_program(s)).to_dict() for s in PROGRAMS]))
    assert _without_time(json.loads(done.stdout)) == _without_time(here)
