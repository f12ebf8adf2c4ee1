"""How the simulator is shown: as a page, embedded in a course page, or in an offline file.

The state comes from the URL (program, schedule, step); the display options come from the URL
too, so an embed stays a pure function of its address. Which controls show is a set of names,
so a teacher can fix the schedule and let students only watch (`controls=replay`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal

#: Replay along the schedule: « First, ◀ Back, Forward ▶, Last ».
NAV = "nav"
#: Choose threads (each thread's Step button) and let the policy step or run on.
STEP = "step"
PLAY = "play"
SCRUB = "scrub"
POLICY = "policy"
EXPLORE = "explore"
#: Copy link, embed snippet and download (the full page's sharing panel).
SHARE = "share"
CONTROLS = (NAV, STEP, PLAY, SCRUB, POLICY, EXPLORE, SHARE)
PRESETS = {
    "all": frozenset(CONTROLS),
    "replay": frozenset((NAV, PLAY, SCRUB)),
    "none": frozenset(),
}
#: The policies' names as pages say them.
POLICY_WORDS = {"rr": "round-robin", "random": "random", "cpython": "CPython-like"}
Mode = Literal["page", "embed", "export"]
Theme = Literal["auto", "light", "dark"]
DEFAULT_SPEED = 4


class DisplayError(ValueError):
    """A `controls=` value with an unknown name."""


def parse_controls(text: str) -> frozenset[str]:
    """`all`, `replay`, `none`, or names joined by commas (`nav,play`)."""
    names: set[str] = set()
    for part in filter(None, (p.strip() for p in text.split(","))):
        if part in PRESETS:
            names |= PRESETS[part]
        elif part in CONTROLS:
            names.add(part)
        else:
            raise DisplayError(f"unknown control {part!r}: use all, replay, none, or names "
                               f"from {', '.join(CONTROLS)}")
    return frozenset(names)


@dataclass(frozen=True)
class Display:
    mode: Mode = "page"
    controls: frozenset[str] = field(default=PRESETS["all"])
    #: The clip of steps shown (`start=`, `end=`): navigation stays inside it.
    start: int = 0
    end: int | None = None
    autoplay: bool = False
    speed: int = DEFAULT_SPEED
    theme: Theme = "auto"

    def has(self, control: str) -> bool:
        if control == STEP and (self.start or self.end is not None):
            return False  # a clip is a replay: stepping out of it would leave it
        return control in self.controls

    @property
    def history(self) -> str:
        """How htmx records a step: pushed on our pages, replaced inside a host page (whose
        back button must not walk through the widget)."""
        return "replace" if self.mode == "embed" else "push"

    def clip(self, at: int | None, total: int) -> tuple[int | None, int, int]:
        """The step to show and the clip's bounds, for a schedule of `total` steps. With no
        step given, a clip or an autoplay starts at its beginning, anything else at the end."""
        first = min(self.start, total)
        last = total if self.end is None else max(first, min(self.end, total))
        if at is None:
            return (first if self.start or self.end is not None or self.autoplay
                    else None), first, last
        return max(first, min(at, last)), first, last

    def params(self) -> dict[str, str]:
        """The query parameters that differ from the defaults, for this display's links."""
        found: dict[str, str] = {}
        if self.controls != PRESETS["all"]:
            preset = next((k for k, v in PRESETS.items() if v == self.controls), None)
            found["controls"] = preset or ",".join(c for c in CONTROLS if c in self.controls)
        if self.start:
            found["start"] = str(self.start)
        if self.end is not None:
            found["end"] = str(self.end)
        if self.autoplay:
            found["autoplay"] = "1"
        if self.speed != DEFAULT_SPEED:
            found["speed"] = str(self.speed)
        if self.theme != "auto":
            found["theme"] = self.theme
        return found


#: The query parameters `Display.params()` may give.
PARAMS = ("controls", "start", "end", "autoplay", "speed", "theme")

PAGE = Display()
#: The offline file replays its one schedule: nothing it shows needs a server.
EXPORT = replace(PAGE, mode="export", controls=PRESETS["replay"])
