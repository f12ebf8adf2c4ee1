"""The simulator's template context: one step of one schedule, shown as a page, an embed or
a frame of the offline file. A pure function of its arguments, like the pages built on it."""

from __future__ import annotations

from time import monotonic
from typing import Any
from urllib.parse import urlencode

from markupsafe import Markup, escape

from .. import scenarios
from ..engine import (
    DEFAULT_POLICY,
    FORMAT_VERSION,
    POLICIES,
    CompileError,
    Program,
    parse_goal,
)
from .display import PAGE, POLICY_WORDS, Display
from .errors import PageError, Pending
from .replay import Replays
from .reward import reward
from .settings import Settings
from .summary import Racing
from .view import build, wait_graph

#: The seconds a page may spend running a policy (a request may take 1.5 s in all).
RUN_SECONDS = 1.25


def policy_param(policy: str, scenario: scenarios.Scenario | None) -> dict[str, str]:
    """The policy in an address, only when it is not the page's default."""
    return {} if policy == (scenario.policy if scenario else DEFAULT_POLICY) else {"policy": policy}


def iframe(src: str, title: str, width: str = "100%", height: int = 720) -> str:
    """The embed code for a course page: one iframe, titled for screen readers."""
    return (f'<iframe src="{escape(src)}" title="Interleave: {escape(title)}" width="{width}" '
            f'height="{height}" loading="lazy" data-interleave></iframe>')


def simulator_context(replays: Replays, program: Program, base: str, params: dict[str, str],
                      schedule: str, at: int | None, policy: str,
                      scenario: scenarios.Scenario | None,
                      settings: Settings, display: Display = PAGE, origin: str = "",
                      deadline: float | None = None) -> dict[str, Any]:
    """Everything the simulator template needs, for one step of one schedule, within the
    settings' page budgets. `origin` (the server's own, e.g. https://interleave.example)
    makes the sharing links absolute. `deadline` (time.monotonic) ends the request's share
    of a policy's run (RUN_SECONDS from now unless the request has spent some already)."""
    if policy not in POLICIES:
        raise PageError(400, f"Unknown policy {policy!r}: choose one of {', '.join(POLICIES)}.")
    # A policy's run longer than one request may take stops after RUN_SECONDS, kept: the
    # same address asked again goes on with it.
    plan = replays.plan(program, schedule, settings.page_steps,
                        monotonic() + RUN_SECONDS if deadline is None else deadline)
    if plan.interrupted:
        raise Pending(plan.total, plan.cut)
    at, first, last = display.clip(at, plan.total)
    view = build(replays, program, schedule, at, policy, settings.page_steps)
    chosen = policy_param(policy, scenario)
    fixed = urlencode({**params, **chosen, **display.params()})
    # A schedule's text is unreserved URL characters (app/engine/schedule.py): it goes into an
    # address as it is, so the links (a Step button each) need no encoding of their own.
    head = f"{base}?{fixed}&schedule=" if fixed else f"{base}?schedule="
    here = f"{head}{view.schedule}&at="

    def link(schedule: str | None = None, at: int | None = None,
             advance: str | None = None) -> str:
        """This page's URL with another schedule and/or step (the timeline asks for many)."""
        at = view.at if at is None else at
        if display.mode == "export":
            return f"#at-{at}"  # the offline file holds every step of its one schedule
        if advance is not None:
            return f"{here}{at}&advance={advance}"
        if schedule is None or schedule == view.schedule:
            return f"{here}{at}"
        return f"{head}{schedule}&at={at}"

    # The timeline's hundreds of cells link to `step_href` + their step number: one escaped
    # prefix, not a function call per cell.
    step_href = Markup("#at-") if display.mode == "export" else escape(here)
    met = None
    if scenario and scenario.goal and view.outcome is not None:
        try:
            met = parse_goal(scenario.goal).holds(view.machine, True)
        except CompileError:
            met = None
    # A met challenge's reward, on the site's own page: an embed or a file has no path.
    prize = (reward(scenario, view.outcome, replays.at(program, plan, view.at).steps,
                    view.lost_updates)
             if met and scenario and view.outcome and display.mode == "page" else None)
    state = {**params, "schedule": view.schedule, "at": str(view.at), "v": str(FORMAT_VERSION),
             **chosen}
    page_path = base.removeprefix("/embed")
    title = scenario.title if scenario else "Your program"
    embed = f"{origin}/embed{page_path}?{urlencode(state)}"
    share = {
        "permalink": f"{origin}{page_path}?{urlencode(state)}",
        "snippet": iframe(embed, title) + f'\n<script src="{origin}/static/embed.js" defer>'
                                          f'</script>',
        "download": f"/export{page_path}?{urlencode(state)}",
    }
    return dict(
        view=view, link=link, step_href=step_href, scenario=scenario,
        racing=Racing(),  # a page asked with `race=1` says which steps race (pages.py)
        goal_met=met, reward=prize, title=title,
        # The walkthrough opens on the path's first scenario.
        tour=scenario is not None and display.mode == "page"
        and scenario.id == next(iter(scenarios.catalog()), None),
        form_params={**params, **display.params(), "schedule": view.schedule, "at": view.at},
        max_steps=settings.page_steps, display=display,
        policies=[(p, POLICY_WORDS[p]) for p in POLICIES],
        # Under another policy than CPython's, sleepers may wake in any order: say so.
        sleep_note=policy != "cpython" and "sleep(" in program.source,
        # The output pane, once something is printed or the program may print.
        shows_output=bool(view.printed.lines) or "print" in program.source
        or "logging" in program.source,
        # "Step ▶" and "Run to end" ask the policy: at the schedule's end of a run not over.
        can_advance=(view.at == view.total and view.outcome is None
                     and view.at < settings.page_steps and display.has("step")),
        first_at=first, last_at=last, share=share, origin=origin,
        graph=wait_graph(view.outcome) if view.outcome else None,
        explore_url=f"/explore{page_path}?" + urlencode(
            {**params, "stream": "1", **({"embed": "1", **display.params()}
                                          if display.mode == "embed" else {})}),
        explore_seconds=f"{settings.explore_seconds:g}",
        edit_url=("/edit?" + urlencode({"scenario": scenario.id}) if scenario
                  else "/edit?" + urlencode(params)))
