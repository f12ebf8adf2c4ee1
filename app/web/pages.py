"""The HTML pages: gallery, simulator, editor, and the explorer's fragment.

Every page is a pure function of its URL: the scenario id or the program (compressed into
`code`), the schedule, the step shown (`at`) and the policy. htmx swaps the simulator in place
and pushes the URL; without JavaScript the same links load whole pages.
"""

from __future__ import annotations

from typing import Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from .. import scenarios
from ..engine import (
    POLICIES,
    CompileError,
    InterleaveError,
    Program,
    compile_program,
    explore,
    length,
    parse_goal,
)
from .render import Renderer
from .replay import compiled
from .source import SourceError, decode_source, encode_source
from .view import MAX_PAGE_STEPS, advanced, build, short, wait_graph

#: `advance=`: take a step, or run on, by the page's policy.
Advance = Literal["step", "end"]
EXPLORE_SECONDS = 5.0
EXPLORE_STATES = 60_000


class PageError(Exception):
    """A request the page cannot serve: shown as an error page with this status."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def router(render: Renderer) -> APIRouter:
    r = APIRouter()

    @r.get("/", response_class=HTMLResponse)
    def gallery(request: Request) -> Response:
        return render.page(request, "gallery.html", scenarios=scenarios.catalog().values())

    @r.get("/s/{scenario_id}", response_class=HTMLResponse)
    def scenario_page(request: Request, scenario_id: str, schedule: str = "",
                      at: int | None = None, policy: str | None = None,
                      advance: Advance | None = None) -> Response:
        scenario = _scenario(scenario_id)
        program = compiled(scenario.source, f"{scenario.id}.py")
        base = f"/s/{scenario.id}"
        return _simulator(render, request, program, base, {}, schedule, at,
                          policy or scenario.policy, scenario, advance)

    @r.get("/p", response_class=HTMLResponse)
    def program_page(request: Request, code: str, schedule: str = "", at: int | None = None,
                     policy: str = "rr", advance: Advance | None = None
                     ) -> Response:
        source = _source(code)
        try:
            program = compiled(source, "program.py")
        except CompileError as e:
            return render.page(request, "editor.html", status=400, source=source, error=e,
                               code=code)
        return _simulator(render, request, program, "/p", {"code": code}, schedule, at,
                          policy, None, advance)

    @r.get("/edit", response_class=HTMLResponse)
    def editor(request: Request, code: str = "", scenario: str = "") -> Response:
        if scenario:
            source = _scenario(scenario).source
        elif code:
            source = _source(code)
        else:
            source = _STARTER
        return render.page(request, "editor.html", source=source, error=None, code=code)

    @r.post("/edit", response_class=HTMLResponse)
    def compile_edit(request: Request, source: str = Form(..., max_length=64_000),
                     last: str = Form("")) -> Response:
        try:
            compile_program(source, "program.py")
        except CompileError as e:
            # The learner's text stays in the editor; the last good program stays linked.
            return render.page(request, "editor.html", status=400, source=source, error=e,
                               code=last)
        except InterleaveError as e:
            raise PageError(400, str(e)) from None
        return RedirectResponse(f"/p?code={encode_source(source)}", status_code=303)

    @r.get("/explore/s/{scenario_id}", response_class=HTMLResponse)
    def explore_scenario(request: Request, scenario_id: str) -> Response:
        scenario = _scenario(scenario_id)
        program = compiled(scenario.source, f"{scenario.id}.py")
        return _explore(render, request, program, f"/s/{scenario.id}", {}, scenario.goal)

    @r.get("/explore/p", response_class=HTMLResponse)
    def explore_program(request: Request, code: str) -> Response:
        program = compiled(_source(code), "program.py")
        return _explore(render, request, program, "/p", {"code": code}, "")

    return r


_STARTER = """import threading

counter = 0

def increment():
    global counter
    for _ in range(2):
        counter += 1

threads = [threading.Thread(target=increment) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter)
"""


def _scenario(scenario_id: str) -> scenarios.Scenario:
    scenario = scenarios.get(scenario_id)
    if scenario is None:
        raise PageError(404, f"There is no scenario called {scenario_id!r}.")
    return scenario


def _source(code: str) -> str:
    try:
        return decode_source(code)
    except SourceError as e:
        raise PageError(400, str(e)) from None


def _simulator(render: Renderer, request: Request, program: Program, base: str,
               params: dict[str, str], schedule: str, at: int | None, policy: str,
               scenario: scenarios.Scenario | None, advance: str | None) -> Response:
    if policy not in POLICIES:
        raise PageError(400, f"Unknown policy {policy!r}: choose one of {', '.join(POLICIES)}.")
    if advance is not None:
        # "Step ▶" / "Run to end": work out where the policy leads, then show that page
        # under its own, canonical address (a redirect, or HX-Push-Url for htmx).
        steps = length(schedule)
        start = steps if at is None else max(0, min(at, steps))
        schedule, at = advanced(program, schedule, start, policy, advance)
    fixed = dict(params)
    if policy != (scenario.policy if scenario else "rr"):
        fixed["policy"] = policy
    if advance is not None and request.headers.get("HX-Request-Type") != "partial":
        return RedirectResponse(f"{base}?{urlencode({**fixed, 'schedule': schedule, 'at': at})}",
                                status_code=303)
    view = build(program, schedule, at, policy)
    here = f"{base}?{urlencode({**fixed, 'schedule': view.schedule})}&at="

    def link(schedule: str | None = None, at: int | None = None,
             advance: str | None = None) -> str:
        """This page's URL with another schedule and/or step (the timeline asks for many)."""
        at = view.at if at is None else at
        if advance is not None:
            return f"{here}{at}&advance={advance}"
        if schedule is None or schedule == view.schedule:
            return f"{here}{at}"
        return f"{base}?{urlencode({**fixed, 'schedule': schedule, 'at': at})}"

    met = None
    if scenario and scenario.goal and view.outcome is not None:
        try:
            met = parse_goal(scenario.goal).holds(view.machine, True)
        except CompileError:
            met = None
    explore_url = f"/explore{base}?" + urlencode(params)
    form_params = {**params, "schedule": view.schedule, "at": view.at}
    response = render.sim(
        request, view=view, link=link, scenario=scenario, goal_met=met,
        form_params=form_params, max_steps=MAX_PAGE_STEPS, policies=POLICIES, short=short,
        graph=wait_graph(view.outcome) if view.outcome else None,
        explore_url=explore_url, explore_seconds=f"{EXPLORE_SECONDS:g}",
        edit_url=("/edit?" + urlencode({"scenario": scenario.id}) if scenario
                  else "/edit?" + urlencode(params)))
    if advance is not None:  # htmx swapped it in: show the page's own address
        response.headers["HX-Push-Url"] = link()
    return response


def _explore(render: Renderer, request: Request, program: Program, base: str,
             params: dict[str, str], goal: str) -> Response:
    result = explore(program, max_states=EXPLORE_STATES, max_seconds=EXPLORE_SECONDS,
                     goal=parse_goal(goal) if goal else None)

    def witness_link(schedule: str) -> str:  # opens at its end: the outcome it reaches
        return f"{base}?{urlencode({**params, 'schedule': schedule})}"

    return render.fragment(request, "explore.html", result=result, link=witness_link,
                           goal=goal)
