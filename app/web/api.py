"""The JSON API: scenarios, compile, run, explore, verify. Errors are JSON with a message."""

from __future__ import annotations

from typing import Any, Literal, TypeVar

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, model_validator

from .. import scenarios
from ..engine import (
    DEFAULT_POLICY,
    Budgets,
    CompileError,
    Explicit,
    Program,
    compile_program,
    jsonable,
    make_policy,
    parse_goal,
    run,
    verify,
)
from .dispatch import compile_apart
from .errors import PageError
from .explorers import Job, explore_apart
from .limits import Limits
from .settings import Settings

#: Steps a run takes when the request does not say (at most the server's limit).
RUN_STEPS = 10_000
N = TypeVar("N", int, float)


class ProgramRef(BaseModel):
    """A program: its source, or a built-in scenario's id."""

    source: str | None = None
    scenario: str | None = Field(None, max_length=100)

    @model_validator(mode="after")
    def one_of(self) -> ProgramRef:
        if (self.source is None) == (self.scenario is None):
            raise ValueError("give exactly one of 'source' and 'scenario'")
        return self


class RunRequest(ProgramRef):
    schedule: str | None = Field(None, max_length=100_000,
                                 description="follow this schedule; then the policy, if any")
    policy: Literal["rr", "random", "cpython"] | None = None
    quantum: int | None = Field(None, ge=1, le=1_000_000)
    seed: int = 0
    max_steps: int | None = Field(None, ge=1, description=f"default {RUN_STEPS:,}; at most "
                                  "the server's INTERLEAVE_MAX_STEPS")
    summary: bool = False


class ExploreRequest(ProgramRef):
    goal: str | None = Field(None, max_length=500)
    max_states: int | None = Field(None, ge=1, description="default and at most the server's "
                                   "INTERLEAVE_EXPLORE_STATES")
    max_seconds: float | None = Field(None, gt=0, description="default and at most the "
                                      "server's INTERLEAVE_EXPLORE_SECONDS")


class VerifyRequest(ProgramRef):
    schedule: str = Field(..., max_length=100_000, description="the learner's schedule")
    goal: str | None = Field(None, max_length=500,
                             description="the goal; default: the scenario's challenge")


def _program(ref: ProgramRef, budgets: Budgets) -> Program | JSONResponse:
    found = _source(ref)
    if isinstance(found, JSONResponse):
        return found
    try:
        return compile_program(*found, budgets)
    except CompileError as e:
        return _compile_error(e)


def _source(ref: ProgramRef) -> tuple[str, str] | JSONResponse:
    """The program's source and file name."""
    if ref.scenario is None:
        assert ref.source is not None
        return ref.source, "program.py"
    scenario = scenarios.get(ref.scenario)
    if scenario is None:
        return JSONResponse({"error": f"no scenario called {ref.scenario!r}"},
                            status_code=404)
    return scenario.source, f"{scenario.id}.py"


def _compile_error(e: CompileError) -> JSONResponse:
    return JSONResponse({"error": str(e), **e.to_dict()}, status_code=400)


def _within(name: str, asked: N | None, default: N, limit: N, unit: str) -> N:
    """What a request asked for (`default` if nothing), refused past the server's limit."""
    if asked is None:
        return default
    if asked > limit:
        raise PageError(422, f"{name}: over this server's limit of {limit:,g} {unit}")
    return asked


def router(limits: Limits, settings: Settings) -> APIRouter:
    r = APIRouter(tags=["api"])
    budgets = settings.budgets

    @r.get("/scenarios")
    def list_scenarios() -> list[dict[str, object]]:
        return [s.to_dict(with_source=True) for s in scenarios.catalog().values()]

    @r.post("/compile")
    def compile_(ref: ProgramRef) -> Any:
        program = _program(ref, budgets)
        if isinstance(program, JSONResponse):
            return program
        return {"ok": True, "shared": sorted(program.shared)}

    @r.post("/run")
    def run_(req: RunRequest) -> Any:
        max_steps = _within("max_steps", req.max_steps, min(RUN_STEPS, settings.max_steps),
                            settings.max_steps, "steps")
        program = _program(req, budgets)
        if isinstance(program, JSONResponse):
            return program
        policy = make_policy(req.policy, req.quantum, req.seed) if req.policy else None
        if req.schedule is not None:
            result = run(program, Explicit(req.schedule), then=policy, max_steps=max_steps,
                         record=not req.summary)
        else:
            result = run(program, policy or make_policy(DEFAULT_POLICY), max_steps=max_steps,
                         record=not req.summary)
        return JSONResponse(jsonable(result.to_dict(summary=req.summary)))

    @r.post("/explore")
    async def explore_(req: ExploreRequest, request: Request) -> Any:
        max_states = _within("max_states", req.max_states, settings.explore_states,
                             settings.explore_states, "states")
        max_seconds = _within("max_seconds", req.max_seconds, settings.explore_seconds,
                              settings.explore_seconds, "s")
        found = _source(req)
        if isinstance(found, JSONResponse):
            return found
        try:  # a program that does not compile is a 400 here, not in the search's process
            await compile_apart(request, *found, budgets)
        except CompileError as e:
            return _compile_error(e)
        if req.goal:
            parse_goal(req.goal, budgets)
        job = Job(*found, budgets, max_states, max_seconds, req.goal or "",
                  settings.explore_memory_mb * 2**20)
        result = await limits.explore(lambda: explore_apart(job))
        return JSONResponse(jsonable(result.to_dict()))

    @r.post("/verify")
    def verify_(req: VerifyRequest) -> Any:
        """Whether the schedule meets the goal: `met` is the answer, the schedule the proof."""
        program = _program(req, budgets)
        if isinstance(program, JSONResponse):
            return program
        scenario = scenarios.get(req.scenario) if req.scenario else None
        text = req.goal or (scenario.goal if scenario else "")
        if not text:
            return JSONResponse({"error": "this program has no goal: give one in 'goal'"},
                                status_code=400)
        verdict = verify(program, parse_goal(text, budgets), req.schedule,
                         max_steps=settings.max_steps)
        return JSONResponse(jsonable(verdict.to_dict()))

    return r

