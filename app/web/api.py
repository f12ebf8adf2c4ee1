"""The JSON API: scenarios, compile, run, explore, verify. Errors are JSON with a message."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, model_validator
from starlette.concurrency import run_in_threadpool

from .. import scenarios
from ..engine import (
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
from .explorers import Job, explore_apart
from .limits import Limits, client

MAX_API_STEPS = 200_000
MAX_API_SECONDS = 10.0


class ProgramRef(BaseModel):
    """A program: its source, or a built-in scenario's id."""

    source: str | None = Field(None, max_length=64_000)
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
    max_steps: int = Field(10_000, ge=1, le=MAX_API_STEPS)
    summary: bool = False


class ExploreRequest(ProgramRef):
    goal: str | None = Field(None, max_length=500)
    max_states: int = Field(50_000, ge=1, le=500_000)
    max_seconds: float = Field(5.0, gt=0, le=MAX_API_SECONDS)


class VerifyRequest(ProgramRef):
    schedule: str = Field(..., max_length=100_000, description="the learner's schedule")
    goal: str | None = Field(None, max_length=500,
                             description="the goal; default: the scenario's challenge")


def _program(ref: ProgramRef) -> Program | JSONResponse:
    if ref.scenario is not None:
        scenario = scenarios.get(ref.scenario)
        if scenario is None:
            return JSONResponse({"error": f"no scenario called {ref.scenario!r}"},
                                status_code=404)
        return compile_program(scenario.source, f"{scenario.id}.py")
    assert ref.source is not None
    try:
        return compile_program(ref.source, "program.py")
    except CompileError as e:
        return JSONResponse({"error": str(e), **e.to_dict()}, status_code=400)


def router(limits: Limits) -> APIRouter:
    r = APIRouter(tags=["api"])

    @r.get("/scenarios")
    def list_scenarios() -> list[dict[str, object]]:
        return [s.to_dict(with_source=True) for s in scenarios.catalog().values()]

    @r.post("/compile")
    def compile_(ref: ProgramRef) -> Any:
        program = _program(ref)
        if isinstance(program, JSONResponse):
            return program
        return {"ok": True, "shared": sorted(program.shared)}

    @r.post("/run")
    def run_(req: RunRequest, request: Request) -> Any:
        limits.run_rate.check(client(request))
        program = _program(req)
        if isinstance(program, JSONResponse):
            return program
        policy = make_policy(req.policy, req.quantum, req.seed) if req.policy else None
        if req.schedule is not None:
            result = run(program, Explicit(req.schedule), then=policy,
                         max_steps=req.max_steps, record=not req.summary)
        else:
            result = run(program, policy or make_policy("rr"), max_steps=req.max_steps,
                         record=not req.summary)
        return JSONResponse(jsonable(result.to_dict(summary=req.summary)))

    @r.post("/explore")
    async def explore_(req: ExploreRequest, request: Request) -> Any:
        program = await run_in_threadpool(_program, req)
        if isinstance(program, JSONResponse):
            return program
        if req.goal:
            parse_goal(req.goal)  # a bad goal is a 400 here, not in the search's process
        job = Job(program.source, program.filename, req.max_states, req.max_seconds,
                  req.goal or "")
        result = await limits.explore(client(request), lambda: explore_apart(job))
        return JSONResponse(jsonable(result.to_dict()))

    @r.post("/verify")
    def verify_(req: VerifyRequest, request: Request) -> Any:
        """Whether the schedule meets the goal: `met` is the answer, the schedule the proof."""
        limits.run_rate.check(client(request))
        program = _program(req)
        if isinstance(program, JSONResponse):
            return program
        scenario = scenarios.get(req.scenario) if req.scenario else None
        text = req.goal or (scenario.goal if scenario else "")
        if not text:
            return JSONResponse({"error": "this program has no goal: give one in 'goal'"},
                                status_code=400)
        verdict = verify(program, parse_goal(text), req.schedule, max_steps=MAX_API_STEPS)
        return JSONResponse(jsonable(verdict.to_dict()))

    return r

