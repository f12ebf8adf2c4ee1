"""The web app's settings: a frozen dataclass, read from INTERLEAVE_* environment variables.

`Settings.from_env()` refuses a bad value (not a number, or not above 0) with a SettingsError
naming the variable, so that a misconfigured server stops at startup with one line, not a
traceback (docs/deploy.md lists every variable).
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields

from ..engine import DEFAULT_BUDGETS, Budgets
from .render import ROOT


class SettingsError(ValueError):
    """An environment variable holds a value the server cannot use."""


@dataclass(frozen=True)
class Settings:
    static_dir: str = str(ROOT / "static")
    #: Who may frame the embed pages (CSP frame-ancestors): `*`, or origins separated by
    #: spaces. The widget also takes postMessage commands only from these.
    frame_ancestors: str = "*"
    #: Explorations running at once in one worker process; more wait for a slot.
    explorers: int = 2
    #: Per client address and worker: explorations, and other expensive requests (API runs,
    #: verifications, downloads), a minute. Generous: a class behind one school NAT is one
    #: address.
    explores_per_minute: int = 120
    runs_per_minute: int = 600
    #: What one program may use (source size, nesting, threads, integer size, items, local
    #: operations between steps), wherever it is compiled and run.
    budgets: Budgets = DEFAULT_BUDGETS
    #: Steps one run may take through the API (/api/run asks for up to this; /api/verify
    #: follows schedules of up to this).
    max_steps: int = 200_000
    #: Steps a page follows: longer runs are for the command line.
    page_steps: int = 5_000
    #: One exploration's states and seconds, on a page, and the most the API may ask for.
    explore_states: int = 60_000
    explore_seconds: float = 5.0
    #: The longest address (a program link is at most 40,000 characters of code).
    max_url: int = 128_000
    #: The largest request body (a program and a schedule of 100,000 characters fit).
    max_body: int = 256_000

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> Settings:
        def read(name: str, default: float, kind: Callable[[str], float] = int) -> float:
            text = env.get(f"INTERLEAVE_{name}")
            if text is None:
                return default
            try:
                value = kind(text.strip())
            except ValueError:
                value = 0
            if not value > 0 or not math.isfinite(value):
                whole = "a whole number" if kind is int else "a number of seconds"
                raise SettingsError(f"INTERLEAVE_{name} must be {whole} above 0, "
                                    f"not {text!r}")
            return value

        budgets = Budgets(**{
            f.name: read(_BUDGET_VARIABLES[f.name], getattr(DEFAULT_BUDGETS, f.name))
            for f in fields(Budgets)})
        return cls(
            frame_ancestors=env.get("INTERLEAVE_FRAME_ANCESTORS", "*").strip() or "*",
            explorers=read("EXPLORERS", cls.explorers),
            explores_per_minute=read("EXPLORES_PER_MINUTE", cls.explores_per_minute),
            runs_per_minute=read("RUNS_PER_MINUTE", cls.runs_per_minute),
            budgets=budgets,
            max_steps=read("MAX_STEPS", cls.max_steps),
            page_steps=read("PAGE_STEPS", cls.page_steps),
            explore_states=read("EXPLORE_STATES", cls.explore_states),
            explore_seconds=read("EXPLORE_SECONDS", cls.explore_seconds, float),
            max_url=read("MAX_URL", cls.max_url),
            max_body=read("MAX_BODY", cls.max_body))


#: Each engine budget's variable, after INTERLEAVE_.
_BUDGET_VARIABLES = {"source_bytes": "MAX_SOURCE_BYTES", "nesting": "MAX_NESTING",
                     "threads": "MAX_THREADS", "int_bits": "MAX_INT_BITS",
                     "items": "MAX_ITEMS", "local_ops": "MAX_LOCAL_OPS"}
