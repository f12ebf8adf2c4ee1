"""The embed builder's state: what a teacher chose in its form, and the embed it makes.

The builder's own address is its state (`/teach/embed?scenario=…&show=nav&show=play…`), so
the page is a pure function of it, like every other page: a form submitted without script
re-renders it, and static/builder.js only fetches the same address as the form changes. The
embed address it makes is built by `Display.params()`, the same code that writes the
simulator's own links, so the two cannot disagree about a parameter.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlsplit

from .. import scenarios
from ..engine import FORMAT_VERSION, POLICIES, InterleaveError, length
from .display import CONTROLS, DEFAULT_SPEED, PRESETS, SHARE, STEP, Display, Theme
from .export import policy_schedule
from .replay import compiled
from .settings import Settings
from .source import SourceError, decode_source

#: The controls a teacher may choose (the sharing panel shows only on our own pages).
CHOICES = tuple(c for c in CONTROLS if c != SHARE)
LABELS = {"nav": "« First, ◀ Back, Forward ▶, Last »", "step": "Step buttons (students choose)",
          "play": "▶ Play and its speed", "scrub": "the step slider",
          "policy": "the policy menu", "explore": "Explore all interleavings"}
THEMES: tuple[Theme, ...] = ("auto", "light", "dark")


class LinkError(ValueError):
    """A pasted link that is not one of this server's simulator pages."""


@dataclass(frozen=True)
class Built:
    """What the builder shows: the embed's path and query (relative, for the preview), a
    note on what it did for the teacher, and the schedule's length (the step range's end)."""

    title: str
    path: str
    total: int
    note: str = ""
    #: The scenario shown (the menu shows it chosen), or "" for a program.
    scenario: str = ""

    def url(self, origin: str) -> str:
        return f"{origin}{self.path}"


@dataclass(frozen=True)
class Choice:
    """The builder's form, read from its address."""

    scenario: str
    link: str
    shown: frozenset[str]
    start: int
    end: int | None
    autoplay: bool
    speed: int
    theme: Theme

    @classmethod
    def of(cls, query: dict[str, list[str]]) -> Choice:
        """A form never submitted shows every control; once submitted (`form=1`), the boxes
        ticked are the controls, none ticked meaning none."""
        def one(name: str, default: str = "") -> str:
            return query.get(name, [default])[-1].strip()

        submitted = "form" in query
        shown = frozenset(c for c in query.get("show", []) if c in CHOICES) if submitted \
            else frozenset(CHOICES)
        theme = one("theme", "auto")
        return cls(scenario=one("scenario"), link=one("link"), shown=shown,
                   start=_number(one("start")) or 0, end=_number(one("end")),
                   autoplay=one("autoplay") in ("1", "on", "true"),
                   speed=min(10, max(1, _number(one("speed")) or DEFAULT_SPEED)),
                   theme=theme if theme in THEMES else "auto")

    def display(self) -> Display:
        # Every choice ticked is `all` (its address then leaves `controls` out).
        shown = PRESETS["all"] if self.shown == frozenset(CHOICES) else self.shown
        return Display("embed", shown, self.start, self.end, self.autoplay, self.speed,
                       self.theme)

    def build(self, settings: Settings) -> Built:
        """The embed for this choice. Raises LinkError for a pasted link it cannot use."""
        if self.link:
            path, title, state, source = _from_link(self.link, settings)
        else:
            scenario = scenarios.get(self.scenario) or next(iter(scenarios.catalog().values()))
            path, title, state, source = f"/s/{scenario.id}", scenario.title, {}, scenario.source
        note = ""
        display = self.display()
        if not state.get("schedule") and not display.has(STEP):
            # Without Step buttons a student can only replay: give them the policy's run.
            listed = scenarios.get(path.removeprefix("/s/")) if path != "/p" else None
            policy = state.get("policy") or (listed.policy if listed else "rr")
            name = "program.py" if path == "/p" else f"{path.removeprefix('/s/')}.py"
            try:
                program = compiled(source, name, settings.budgets)
            except InterleaveError as e:
                raise LinkError(f"This program does not compile: {e}") from None
            state["schedule"] = policy_schedule(program, policy if policy in POLICIES else "rr")
            state.pop("at", None)
            note = ("Without Step buttons students can only replay, so the embed replays the "
                    "run the scenario's scheduler makes. Paste a link to fix another schedule.")
        try:
            total = length(state.get("schedule", ""))
        except InterleaveError as e:
            raise LinkError(f"The link's schedule cannot be read: {e}") from None
        query = {**state, **({"v": str(FORMAT_VERSION)} if "schedule" in state else {}),
                 **display.params()}
        return Built(title, f"/embed{path}" + (f"?{urlencode(query)}" if query else ""), total,
                     note, path.removeprefix("/s/") if path.startswith("/s/") else "")


def _number(text: str) -> int | None:
    return int(text) if text.isdigit() else None


def _from_link(link: str, settings: Settings) -> tuple[str, str, dict[str, str], str]:
    """A simulator page's (or an embed's) path, title, state and source, from its link (any
    host: a teacher may paste a link from another copy of Interleave)."""
    parts = urlsplit(link)
    path = parts.path.removeprefix("/embed")
    query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
    state = {k: query[k] for k in ("schedule", "at", "policy") if query.get(k)}
    if path.startswith("/s/"):
        scenario = scenarios.get(path.removeprefix("/s/"))
        if scenario is None:
            raise LinkError(f"There is no scenario called {path.removeprefix('/s/')!r}.")
        return f"/s/{scenario.id}", scenario.title, state, scenario.source
    if path == "/p" and query.get("code"):
        try:
            source = decode_source(query["code"], settings.budgets.source_bytes)
        except SourceError as e:
            raise LinkError(str(e)) from None
        return "/p", "Your program", {"code": query["code"], **state}, source
    raise LinkError("Paste the address of a simulator page: /s/… for a scenario, or /p?code=… "
                    "for a program (open it with “Write your own”, then copy its address).")
