"""The offline copy: one self-contained HTML file that replays one schedule.

Every step is rendered on the server, by the same template as the page; the frames, which
differ little from one step to the next, are stored gzipped (a 1,000-step run is 25 MB of HTML
and 0.3 MB in the file) and unpacked by the browser's own DecompressionStream. A few lines of
script swap them in as the learner moves (the same controls and keyboard shortcuts, following
`#at-N` anchors). CSS and scripts are inline and nothing is fetched, so
the file works from `file://` or as an LMS attachment, and keeps working whatever the server
later becomes. Links back to the server carry the schedule format version.
"""

from __future__ import annotations

import base64
import gzip
import json

from .. import scenarios
from ..engine import Program, length, make_policy, run
from .display import EXPORT
from .errors import PageError
from .render import STATIC, Renderer
from .replay import Replays
from .settings import Settings
from .simulator import simulator_context

#: Steps an offline file may hold (each is a rendered frame).
MAX_EXPORT_STEPS = 1_000


def policy_schedule(program: Program, policy: str) -> str:
    """The schedule a policy runs, for an export given no schedule of its own."""
    return run(program, make_policy(policy), max_steps=MAX_EXPORT_STEPS, record=False).schedule


def export_html(render: Renderer, replays: Replays, program: Program, schedule: str, policy: str,
                scenario: scenarios.Scenario | None, base: str, params: dict[str, str],
                settings: Settings, start: int = 0, origin: str = "") -> str:
    """The file's text, opening at step `start`, its frames drawn as pages are under
    `settings`. `origin`, if known, links it back to the server it came from."""
    total = length(schedule)
    if total <= MAX_EXPORT_STEPS:  # a policy's turns resolved (as far as a file may go)
        plan = replays.plan(program, schedule, MAX_EXPORT_STEPS + 1)
        schedule, total = plan.cut(plan.total), plan.total
    if total > MAX_EXPORT_STEPS:
        raise PageError(400, f"An offline copy holds up to {MAX_EXPORT_STEPS:,} steps; this "
                             f"schedule has {total:,}.")
    contexts = [simulator_context(replays, program, base, params, schedule, at, policy, scenario,
                                  settings, EXPORT, origin) for at in range(total + 1)]
    frames = [render.block("simulator.html", "sim", **context) for context in contexts]
    start = max(0, min(start, total))
    context = contexts[start]
    packed = base64.b64encode(gzip.compress(json.dumps(frames).encode(), 9, mtime=0))
    return render.text(
        "export.html", first=frames[start], frames=packed.decode("ascii"), scenario=scenario,
        title=context["title"],
        permalink=context["share"]["permalink"] if origin else "",
        css=_read("app.css"), scripts=[_read("sim.js"), _read("player.js")])


def _read(name: str) -> str:
    return (STATIC / name).read_text(encoding="utf-8")


def filename(scenario: scenarios.Scenario | None) -> str:
    return f"interleave-{scenario.id if scenario else 'program'}.html"
