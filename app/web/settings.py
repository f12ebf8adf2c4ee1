"""The web app's settings: a frozen dataclass, read from INTERLEAVE_* environment variables.

`Settings.from_env()` refuses a bad value (not a number, or not above 0) with a SettingsError
naming the variable, so that a misconfigured server stops at startup with one line, not a
traceback (docs/deploy.md lists every variable).
"""

from __future__ import annotations

import importlib.util
import ipaddress
import math
import os
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import TypeVar
from urllib.parse import urlsplit

from .. import scenarios
from ..engine import DEFAULT_BUDGETS, Budgets
from .render import STATIC

_Number = TypeVar("_Number", int, float)


class SettingsError(ValueError):
    """An environment variable holds a value the server cannot use."""


@dataclass(frozen=True)
class Settings:
    static_dir: str = str(STATIC)
    #: Who may frame the embed pages (CSP frame-ancestors): `*`, or origins separated by
    #: spaces. The widget also takes postMessage commands only from these.
    frame_ancestors: str = "*"
    #: Explorations running at once in one worker process; more wait for a slot.
    explorers: int = 2
    #: Per client address, a minute: page loads, steps, embeds and compiles; runs (API runs,
    #: verifications, downloads); explorations. Generous: a class behind one school NAT is
    #: one address (30 learners stepping 3 times a second make 5,400 steps a minute).
    steps_per_minute: int = 6_000
    runs_per_minute: int = 600
    explores_per_minute: int = 120
    #: Where the rate limits count: memory:// (each worker for itself) or a redis:// address
    #: that every worker and replica shares (https://limits.readthedocs.io storage URIs).
    rate_limit_storage: str = "memory://"
    #: Proxies whose X-Forwarded-For names the client (addresses or networks, separated by
    #: commas, or `*`): none by default, so no client can choose its own address.
    trusted_proxies: str = ""
    #: The server's public address (https://interleave.example), for absolute links in share
    #: panels, oEmbed answers and downloads; unset, they stay relative (never the Host header).
    public_url: str = ""
    #: What one program may use (source size, nesting, threads, integer size, items, local
    #: operations between steps), wherever it is compiled and run.
    budgets: Budgets = DEFAULT_BUDGETS
    #: Steps one run may take through the API (/api/run asks for up to this; /api/verify
    #: follows schedules of up to this).
    max_steps: int = 200_000
    #: Steps a page follows: longer runs are for the command line.
    page_steps: int = 2_000_000
    #: One exploration's states and seconds, on a page, and the most the API may ask for.
    explore_states: int = 60_000
    explore_seconds: float = 5.0
    #: The longest address (a program link is at most 40,000 characters of code).
    max_url: int = 128_000
    #: The largest request body (a program and a schedule of 100,000 characters fit).
    max_body: int = 256_000
    #: Children per worker that do the requests' work (compile, replay, render, run,
    #: verify, export), and what one request may use there: seconds of work and MB of
    #: memory past which it is stopped with a 422 (docs/reliability.md).
    sandboxes: int = 2
    request_seconds: float = 1.5
    request_memory_mb: int = 512
    #: MB a child may grow by (its caches) before it is replaced by a fresh one.
    recycle_mb: int = 64
    #: MB of memory one exploration's process may use.
    explore_memory_mb: int = 1024
    #: The teachers' scenario folders (INTERLEAVE_SCENARIOS, as app/scenarios reads it).
    scenario_folders: str = ""

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> Settings:
        def read(name: str, default: _Number) -> _Number:
            """The variable's value, of its default's type: a whole number, or seconds."""
            text = env.get(f"INTERLEAVE_{name}")
            if text is None:
                return default
            kind = type(default)
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
            steps_per_minute=read("STEPS_PER_MINUTE", cls.steps_per_minute),
            runs_per_minute=read("RUNS_PER_MINUTE", cls.runs_per_minute),
            explores_per_minute=read("EXPLORES_PER_MINUTE", cls.explores_per_minute),
            rate_limit_storage=_storage(env.get("INTERLEAVE_RATE_LIMIT_STORAGE", "")),
            trusted_proxies=_proxies(env.get("INTERLEAVE_TRUSTED_PROXIES", "")),
            public_url=_public_url(env.get("INTERLEAVE_PUBLIC_URL", "")),
            budgets=budgets,
            max_steps=read("MAX_STEPS", cls.max_steps),
            page_steps=read("PAGE_STEPS", cls.page_steps),
            explore_states=read("EXPLORE_STATES", cls.explore_states),
            explore_seconds=read("EXPLORE_SECONDS", cls.explore_seconds),
            max_url=read("MAX_URL", cls.max_url),
            max_body=read("MAX_BODY", cls.max_body),
            sandboxes=read("SANDBOXES", cls.sandboxes),
            request_seconds=read("REQUEST_SECONDS", cls.request_seconds),
            request_memory_mb=read("REQUEST_MEMORY_MB", cls.request_memory_mb),
            recycle_mb=read("RECYCLE_MB", cls.recycle_mb),
            explore_memory_mb=read("EXPLORE_MEMORY_MB", cls.explore_memory_mb),
            scenario_folders=env.get(scenarios.ENV, ""))


def _storage(text: str) -> str:
    uri = text.strip() or Settings.rate_limit_storage
    scheme = urlsplit(uri).scheme
    if scheme not in ("memory", "redis", "rediss", "redis+unix"):
        # The scheme only: the rest of the address may hold a password.
        raise SettingsError("INTERLEAVE_RATE_LIMIT_STORAGE must be memory:// or a redis://, "
                            f"rediss:// or redis+unix:// address, not a {scheme or '?'}: one")
    if scheme != "memory" and importlib.util.find_spec("redis") is None:
        raise SettingsError("INTERLEAVE_RATE_LIMIT_STORAGE names Redis, but the redis package "
                            "is not installed: pip install 'interleave[redis]'")
    return uri


def _proxies(text: str) -> str:
    items = [item.strip() for item in text.split(",") if item.strip()]
    for item in items:
        try:
            if item != "*":
                ipaddress.ip_network(item, strict=False)
        except ValueError:
            raise SettingsError(f"INTERLEAVE_TRUSTED_PROXIES must be addresses or networks "
                                f"separated by commas, or *, not {item!r}") from None
    return ",".join(items)


def _public_url(text: str) -> str:
    url = text.strip().rstrip("/")
    if url and not _is_origin(url):
        raise SettingsError(f"INTERLEAVE_PUBLIC_URL must be the server's public address with "
                            f"no path, like https://interleave.example, not {text!r}")
    return url


def _is_origin(url: str) -> bool:
    """An http(s) scheme, a host and a port, nothing more: every link the server makes
    starts at its root, so an address with a path could not hold."""
    try:
        parts = urlsplit(url)
        port = parts.port  # a port that is not a number raises ValueError
    except ValueError:
        return False
    return (parts.scheme in ("http", "https") and bool(parts.hostname) and port != 0
            and not (parts.path or parts.query or parts.fragment or "@" in parts.netloc))


#: Each engine budget's variable, after INTERLEAVE_.
_BUDGET_VARIABLES = {"source_bytes": "MAX_SOURCE_BYTES", "nesting": "MAX_NESTING",
                     "threads": "MAX_THREADS", "int_bits": "MAX_INT_BITS",
                     "items": "MAX_ITEMS", "local_ops": "MAX_LOCAL_OPS",
                     "output": "MAX_OUTPUT"}
