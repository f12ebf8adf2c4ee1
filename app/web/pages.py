"""The HTML pages: gallery, simulator, editor, and the explorer's fragment.

Every page is a pure function of its URL: the scenario id or the program (compressed into
`code`), the schedule, the step shown (`at`) and the policy. htmx swaps the simulator in place
and pushes the URL; without JavaScript the same links load whole pages.
"""

from __future__ import annotations

from collections.abc import Callable
from time import monotonic
from typing import Annotated, Literal, NamedTuple
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from .. import scenarios
from ..engine import (
    DEFAULT_POLICY,
    FORMAT_VERSION,
    CompileError,
    Exploration,
    InterleaveError,
    Program,
    ScheduleError,
    compile_program,
    length,
    parse_goal,
    races_at,
)
from .dispatch import compile_apart
from .display import PAGE, PARAMS, Display, DisplayError, Theme, parse_controls
from .errors import PageError, Pending, WayOn
from .explorers import Job, explore_apart
from .export import export_html, filename, policy_schedule
from .limits import Limits
from .predict import exploring, predictions
from .render import Renderer, cached
from .replay import Replays, compiled
from .settings import Settings
from .simulator import RUN_SECONDS, policy_param, simulator_context
from .source import SourceError, decode_source, encode_source
from .streaming import Progress, stream
from .summary import racing, summarize
from .thumbnail import thumbnail
from .view import advanced, followable, set_up

#: How many times a page asks itself again for a policy's run too long for one request
#: (each goes on with it for RUN_SECONDS) before it offers the part done so far.
MAX_WAITS = 7

#: `advance=`: take a step, or run on, by the page's policy.
Advance = Literal["step", "end"]


def router(render: Renderer, limits: Limits, replays: Replays, settings: Settings
           ) -> APIRouter:
    r = APIRouter(include_in_schema=False)  # HTML pages: /docs describes the JSON API
    budgets = settings.budgets

    @r.get("/", response_class=HTMLResponse)
    def gallery(request: Request) -> Response:
        return render.page(request, "gallery.html", cards=[
            (s, thumbnail(s)) for s in scenarios.catalog().values()])

    @r.get("/s/{scenario_id}", response_class=HTMLResponse)
    def scenario_page(request: Request, scenario_id: str, state: StateQuery
                      ) -> Response:
        return _scenario_sim(render, replays, settings, request, scenario_id, state, PAGE)

    @r.get("/p", response_class=HTMLResponse)
    def program_page(request: Request, code: str, state: StateQuery) -> Response:
        return _program_sim(render, replays, settings, request, code, state, PAGE)

    @r.get("/embed/s/{scenario_id}", response_class=HTMLResponse)
    def scenario_embed(request: Request, scenario_id: str, state: StateQuery,
                       display: EmbedQuery) -> Response:
        return _scenario_sim(render, replays, settings, request, scenario_id, state, display)

    @r.get("/embed/p", response_class=HTMLResponse)
    def program_embed(request: Request, code: str, state: StateQuery,
                      display: EmbedQuery) -> Response:
        return _program_sim(render, replays, settings, request, code, state, display)

    @r.get("/export/s/{scenario_id}", response_class=HTMLResponse)
    def scenario_export(request: Request, scenario_id: str, state: StateQuery) -> Response:
        scenario = _scenario(scenario_id)
        program = compiled(scenario.source, f"{scenario.id}.py", budgets)
        return _download(render, replays, settings, request, program, state,
                         state.policy or scenario.policy, scenario, f"/s/{scenario.id}", {})

    @r.get("/export/p", response_class=HTMLResponse)
    def program_export(request: Request, code: str, state: StateQuery) -> Response:
        program = compiled(_source(code, budgets.source_bytes), "program.py", budgets)
        return _download(render, replays, settings, request, program, state,
                         state.policy or DEFAULT_POLICY, None, "/p", {"code": code})

    @r.get("/edit", response_class=HTMLResponse)
    def editor(request: Request, code: str = "", scenario: str = "") -> Response:
        if scenario:
            source = _scenario(scenario).source
        elif code:
            source = _source(code, budgets.source_bytes)
        else:
            source = _STARTER
        return render.page(request, "editor.html", source=source, error=None, code=code)

    @r.post("/edit", response_class=HTMLResponse)
    def compile_edit(request: Request, source: str = Form(...), last: str = Form("")
                     ) -> Response:
        try:
            compile_program(source, "program.py", budgets)
        except CompileError as e:
            # The learner's text stays in the editor; the last good program stays linked.
            return render.page(request, "editor.html", status=400, source=source, error=e,
                               code=last)
        except InterleaveError as e:
            raise PageError(400, str(e)) from None
        return RedirectResponse(f"/p?code={encode_source(source)}", status_code=303)

    @r.get("/explore/s/{scenario_id}", response_class=HTMLResponse)
    async def explore_scenario(request: Request, scenario_id: str, stream: bool = False
                               ) -> Response:
        scenario = _scenario(scenario_id)  # compiled when the app was made
        return await _explore(render, limits, settings, request, scenario.source,
                              f"{scenario.id}.py", f"/s/{scenario.id}", {}, scenario.goal,
                              stream, scenario.claim)

    @r.get("/explore/p", response_class=HTMLResponse)
    async def explore_program(request: Request, code: str, stream: bool = False
                              ) -> Response:
        source = _source(code, budgets.source_bytes)
        await compile_apart(request, source, "program.py", budgets)
        return await _explore(render, limits, settings, request, source, "program.py", "/p",
                              {"code": code}, "", stream)

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


class State(NamedTuple):
    """The simulator's state in its URL: schedule, step shown, policy."""

    schedule: str | None  # None: not given (a scenario may open after its set-up)
    at: int | None
    policy: str | None
    advance: Advance | None


# The dependencies are coroutines: FastAPI calls a class or a plain function in a worker
# thread, a hand-off per request that costs a page a tenth of a millisecond.
async def state_query(schedule: Annotated[str | None, Query(max_length=100_000)] = None,
                      at: int | None = None, policy: str | None = None,
                      advance: Advance | None = None, v: int = FORMAT_VERSION) -> State:
    """Links carry `v`, the format version they were made with, so that old ones keep
    meaning the same."""
    if v != FORMAT_VERSION:
        raise PageError(400, f"This link was made for schedule format {v}; this server "
                             f"reads format {FORMAT_VERSION}.")
    return State(schedule, at, policy, advance)


async def embed_display(controls: Annotated[str, Query(max_length=200)] = "all",
                        start: Annotated[int, Query(ge=0)] = 0,
                        end: Annotated[int | None, Query(ge=0)] = None, autoplay: bool = False,
                        speed: Annotated[int, Query(ge=1, le=10)] = 4, theme: Theme = "auto"
                        ) -> Display:
    try:
        shown = parse_controls(controls)
    except DisplayError as e:
        raise PageError(400, str(e)) from None
    return Display("embed", shown, start, end, autoplay, speed, theme)


StateQuery = Annotated[State, Depends(state_query)]
EmbedQuery = Annotated[Display, Depends(embed_display)]


def _scenario_sim(render: Renderer, replays: Replays, settings: Settings, request: Request,
                  scenario_id: str, state: State, display: Display) -> Response:
    scenario = _scenario(scenario_id)
    program = compiled(scenario.source, f"{scenario.id}.py", settings.budgets)
    base = ("/embed" if display.mode == "embed" else "") + f"/s/{scenario.id}"
    schedule = state.schedule
    if schedule is None:  # a scenario may open once MainThread has started its threads
        schedule = (set_up(replays, program, settings.page_steps)
                    if scenario.start == "setup" else "")
    return _simulator(render, replays, settings, request, program, base, {}, schedule, state.at,
                      state.policy or scenario.policy, scenario, state.advance, display)


def _program_sim(render: Renderer, replays: Replays, settings: Settings, request: Request,
                 code: str, state: State, display: Display) -> Response:
    source = _source(code, settings.budgets.source_bytes)
    try:
        program = compiled(source, "program.py", settings.budgets)
    except CompileError as e:
        if display.mode == "embed":
            raise PageError(400, f"This program does not compile: {e}") from None
        return render.page(request, "editor.html", status=400, source=source, error=e,
                           code=code)
    base = "/embed/p" if display.mode == "embed" else "/p"
    return _simulator(render, replays, settings, request, program, base, {"code": code},
                      state.schedule or "", state.at, state.policy or DEFAULT_POLICY, None,
                      state.advance, display)


def _scenario(scenario_id: str) -> scenarios.Scenario:
    scenario = scenarios.get(scenario_id)
    if scenario is None:
        raise PageError(404, f"There is no scenario called {scenario_id!r}.")
    return scenario


def _source(code: str, max_bytes: int) -> str:
    try:
        return decode_source(code, max_bytes)
    except SourceError as e:
        raise PageError(400, str(e)) from None


def _simulator(render: Renderer, replays: Replays, settings: Settings, request: Request,
               program: Program, base: str, params: dict[str, str], schedule: str,
               at: int | None, policy: str, scenario: scenarios.Scenario | None,
               advance: str | None, display: Display = PAGE) -> Response:
    query = dict(request.query_params)  # where to ask again if the page is not ready yet
    deadline = monotonic() + RUN_SECONDS  # one share of a policy's run for the whole request
    try:
        if advance is not None:
            # "Step ▶" / "Run to end": work out where the policy leads, then show that page
            # under its own, canonical address (a redirect, or HX-Push-Url for htmx).
            schedule, at = advanced(replays, program, schedule, at, policy, advance,
                                    settings.page_steps, deadline)
            query = {k: v for k, v in query.items() if k not in ("advance", "at")} | {
                "schedule": schedule, **({"at": str(at)} if at is not None else {})}
        context = simulator_context(replays, program, base, params, schedule, at, policy, scenario,
                                    settings, display, settings.public_url, deadline)
    except Pending as e:  # the same address again goes on with the policy's run (replay.py)
        wait = query.pop("wait", "")
        waits = int(wait) if wait.isdigit() else 0
        if waits < MAX_WAITS:
            query["wait"] = str(waits + 1)
            return RedirectResponse(f"{request.url.path}?{urlencode(query)}", status_code=303)
        # What half a request follows, so that the way on opens even on a server that has
        # not kept this run.
        steps = max(1, e.steps // (MAX_WAITS + 1) // 2)
        shown = {**params, **policy_param(policy, scenario), "schedule": e.cut(steps)}
        raise PageError(422, f"This run is longer than the page follows: it went {e.steps:,} "
                             f"steps in {RUN_SECONDS * (MAX_WAITS + 1):g} s and goes on. "
                             f"`interleave run` runs it whole.",
                        WayOn(f"{base}?{urlencode(shown)}", f"Show its first {steps:,} steps")
                        ) from None
    except ScheduleError as e:
        raise PageError(400, str(e), _way_on(replays, program, base, params, schedule, policy,
                                             scenario, settings)) from None
    # A step by the policy, or the last of a run's requests (`wait`): the page's own address.
    moved = advance is not None or "wait" in request.query_params
    if moved and request.headers.get("HX-Request-Type") != "partial":
        return RedirectResponse(context["link"](), status_code=303)
    view = context["view"]
    # `race=1` (the explorer's race links): point out the steps side by side here.
    if request.query_params.get("race") == "1" and view.outcome is None:
        context["racing"] = racing(races_at(view.machine))
    response = render.sim(request, **context, exploring=exploring(
        request, context, scenario.goal if scenario else ""))
    if moved:  # htmx swapped it in: show the page's own address
        header = "HX-Replace-Url" if display.history == "replace" else "HX-Push-Url"
        response.headers[header] = context["link"]()
    return response


def _way_on(replays: Replays, program: Program, base: str, params: dict[str, str],
            schedule: str, policy: str, scenario: scenarios.Scenario | None, settings: Settings
            ) -> WayOn | None:
    """For a schedule that cannot be followed: a link to the part of it that can."""
    prefix = followable(replays, program, schedule, settings.page_steps)
    if prefix is None or prefix == schedule:
        return None
    steps = length(prefix)
    shown = {**params, **policy_param(policy, scenario), "schedule": prefix, "at": steps}
    address = f"{base}?{urlencode(shown)}"
    return WayOn(address, f"Show the first {steps:,} step{'s' if steps != 1 else ''}, the part "
                          f"of this schedule that can be followed")


def _download(render: Renderer, replays: Replays, settings: Settings, request: Request,
              program: Program, state: State, policy: str,
              scenario: scenarios.Scenario | None, base: str, params: dict[str, str]
              ) -> Response:
    schedule = state.schedule or policy_schedule(program, policy)
    html = export_html(render, replays, program, schedule, policy, scenario, base, params, settings,
                       state.at or 0, settings.public_url)
    response = cached(request, html, 200)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename(scenario)}"'
    return response


async def _explore(render: Renderer, limits: Limits, settings: Settings, request: Request,
                   source: str, filename: str, base: str, params: dict[str, str], goal: str,
                   live: bool, claim: bool = False) -> Response:
    """Every interleaving: one HTML fragment, or (`live`) a stream of progress then it."""
    if goal:
        # A bad goal is this request's error, before any process starts.
        parse_goal(goal, settings.budgets)
    job = Job(source, filename, settings.budgets, settings.explore_states,
              settings.explore_seconds, goal, settings.explore_memory_mb * 2**20)

    def search(progress: Progress | None = None,
               should_stop: Callable[[], bool] | None = None) -> Exploration:
        return explore_apart(job, progress, should_stop)

    # Asked from an embed, its witnesses open in the embed, with its display options.
    embedded = request.query_params.get("embed") == "1"
    shown = {k: v for k, v in request.query_params.items() if embedded and k in PARAMS}

    def witness_link(schedule: str, at: int | None = None) -> str:  # at None: its end
        return (f"{'/embed' if embedded else ''}{base}?"
                f"{urlencode({**params, **shown, 'schedule': schedule})}"
                + (f"&at={at}" if at is not None else ""))

    predicted = predictions(request)

    def result_html(result: Exploration) -> str:
        return render.text("explore.html", result=result, link=witness_link, goal=goal,
                           embedded=embedded,
                           summary=summarize(result, witness_link, goal, claim, predicted))

    if live:
        return stream(search, lambda states, transitions, seconds, found: render.text(
            "explore_progress.html", states=states, transitions=transitions, seconds=seconds,
            budget=settings.explore_seconds, found=found), result_html, limits.explorations,
            lambda words: render.text("explore_progress.html", note=words))
    result = await limits.explore(search)
    if "HX-Request" in request.headers:
        html = result_html(result)
    else:  # opened as a page of its own, not swapped into the simulator
        html = render.text("explore_page.html", result=result, link=witness_link, goal=goal,
                           embedded=False, back=f"{base}?{urlencode(params)}".rstrip("?"),
                           summary=summarize(result, witness_link, goal, claim, predicted))
    # A search stopped by its time budget could finish on a faster machine: never stored.
    return cached(request, html, 200, store=result.complete)
