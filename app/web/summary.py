"""The explorer's result in plain words: a lead sentence, each outcome as a link that opens
where it is decided, races one entry per pair of lines, and a challenge's goal answered as a
find, a proof or a counterexample; and, when the learner predicted first, what they missed.

Counts are exact only when the search was complete; a partial one says "at least" and gives
no shares, since a share of an unknown total would look exact and not be.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..engine import Exploration, Found, Race, SideBySide, length
from .predict import ENDINGS, candidates, goal_variable

#: A link to a schedule, opened at a step (None: at its end).
Link = Callable[[str, int | None], str]


@dataclass(frozen=True)
class Result:
    label: str
    count: str
    share: float | None  # of all schedules, when exact
    href: str
    decided: bool  # the link opens where the outcome is decided, not at the end


@dataclass(frozen=True)
class RaceEntry:
    variable: str
    who: str  # "Thread-1 (line 18) and Thread-2 (line 18)"
    sentence: str  # what either order would do
    href: str


@dataclass(frozen=True)
class Racing:
    """The races side by side in the state a page shows: a sentence for each, and the
    threads about to make them (their columns are marked)."""

    sentences: tuple[str, ...] = ()
    threads: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Verdict:
    kind: str  # "proof", "counterexample", "found", "impossible", "unknown"
    sentence: str
    href: str = ""
    spoiler: bool = False  # the link gives the challenge's answer away


@dataclass(frozen=True)
class Reveal:
    subject: str  # "final values of counter", "endings"
    predicted: tuple[str, ...]
    possible: tuple[str, ...]
    missed: tuple[str, ...] = field(default=())
    wrong: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class Summary:
    lead: str
    results: list[Result]
    races: list[RaceEntry]
    verdict: Verdict | None
    reveal: Reveal | None


def summarize(result: Exploration, link: Link, goal: str = "", claim: bool = False,
              predicted: Sequence[str] | None = None) -> Summary:
    # Counted: every schedule's outcome is known and the schedules were counted (a count of
    # None is then an unbounded one, through a cycle).
    exact = result.complete and not result.not_counted
    variable = goal_variable(goal) if goal else None
    varying = _varying(result.outcomes, variable)
    results = [_result(f, result, varying, link, exact) for f in result.outcomes]
    lead = _lead(result, varying, exact)
    verdict = _verdict(result, goal, claim, link, exact) if goal else None
    reveal = None
    if predicted is not None:
        reveal = _reveal(result, variable if candidates(goal) else None, predicted)
    return Summary(lead, results, _races(result.races, link), verdict, reveal)


def _varying(outcomes: Sequence[Found], variable: str | None) -> list[str]:
    """The variables whose final values tell the outcomes apart (the goal's first)."""
    done = [f.outcome.globals for f in outcomes if f.outcome.kind == "done"]
    names = sorted({k for g in done for k in g if len({repr(x.get(k)) for x in done}) > 1})
    if variable in names or (variable and len(done) == 1 and variable in done[0]):
        return [variable, *(n for n in names if n != variable)][:1]
    return names[:2]


def _ending(f: Found) -> str:
    o = f.outcome
    if o.kind == "deadlock":
        return "deadlocks"
    if o.kind == "livelock":
        return "runs forever" + (f" if {f.starving}" if f.starved else "")
    if o.kind == "limit":
        return "stopped: " + o.reason
    return "raises an exception" if o.errors else "finishes"


def _label(f: Found, varying: list[str]) -> str:
    o = f.outcome
    parts = []
    if o.kind == "done" and varying:
        parts.append(", ".join(f"{name} ends as {o.globals.get(name)!r}" for name in varying))
    elif o.kind == "done" and o.output:
        parts.append("done: prints " + " / ".join(o.output[-3:]))
    else:
        parts.append(_ending(f))
    parts.extend(f"{e.type} in {e.thread}" for e in o.errors)
    return " · ".join(parts)


def _plainly(f: Found, varying: list[str]) -> str:
    """How a run ends, as the lead sentence says it."""
    o = f.outcome
    if o.kind == "done" and varying and not o.errors:
        return _label(f, varying)
    if o.errors:
        return "it raises " + " and ".join(sorted({e.type for e in o.errors}))
    if o.kind == "done":
        return "it finishes" + (f", printing “{o.output[-1]}”" if o.output else "")
    return "it " + _ending(f)


def _number(n: int | None) -> str:
    return "unboundedly many" if n is None else f"{n:,}"


def _percent(part: int, whole: int) -> str:
    share = 100 * part / whole
    # Never "0%" for some nor "100%" for not all.
    if 0 < share < 1 or 99 < share < 100:
        return f"{share:.1f}%"
    return f"{share:.0f}%"


def _result(f: Found, result: Exploration, varying: list[str], link: Link, exact: bool
            ) -> Result:
    share = (f.schedules / result.schedules if exact and f.schedules is not None
             and result.schedules else None)
    count = _number(f.schedules) + (" schedule" if f.schedules == 1 else " schedules")
    if f.found_by:  # only a whole run under a policy reached it (app/engine/probes.py)
        count = f"found so far, by a run under ~{f.found_by}: not counted"
    elif not exact:
        count = "schedules not counted"
    if share is not None:
        count += f" ({_percent(f.schedules or 0, result.schedules or 1)})"
    # Where the outcome is decided, if that is before its end and there is a choice at all.
    at = f.decided if (f.decided and len(result.outcomes) > 1
                       and f.decided < length(f.witness)) else None
    return Result(_label(f, varying), count, share, link(f.witness, at), at is not None)


def _lead(result: Exploration, varying: list[str], exact: bool) -> str:
    found = result.outcomes
    if not found:
        return "No schedule reached its end within the budget."
    n = len(found)
    head = (f"{'' if result.complete else 'At least '}{n} possible result"
            f"{'s' if n != 1 else ''}")
    if len(varying) == 1 and all(f.outcome.kind == "done" for f in found):
        name = varying[0]
        values = [repr(f.outcome.globals.get(name)) for f in found]
        what = f"{name} ends as {_either(sorted(values, key=lambda v: (len(v), v)))}"
    else:
        what = _either([_plainly(f, varying) for f in found])
    lead = f"{head}: {what}."
    if not result.complete:
        probed = " Some were found by whole runs under policies." if any(
            f.found_by for f in found) else ""
        return (f"{lead} The search stopped early ({result.stopped}), so these are the "
                f"results found so far, and their schedules are not counted.{probed}")
    if not exact:
        return f"{lead} Schedules are not counted: {result.not_counted}."
    if n > 1 and result.schedules:
        top = max(found, key=lambda f: f.schedules or 0)
        lead += (f" The most common, {_plainly(top, varying)}, is "
                 f"{_percent(top.schedules or 0, result.schedules)} of all "
                 f"{result.schedules:,} schedules.")
    return lead


def _either(words: list[str], most: int = 4) -> str:
    """`a, b or c`, each once, the first `most` of them."""
    words = list(dict.fromkeys(words))
    if len(words) > most:
        return ", ".join(words[:most]) + f" or {len(words) - most} more"
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def _verdict(result: Exploration, goal: str, claim: bool, link: Link, exact: bool) -> Verdict:
    judged = [f for f in result.outcomes if f.meets is not None]
    wording = f"meets {goal}" if goal.startswith("not ") or goal.isidentifier() else (
        f"ends with {goal}")
    if claim and judged and len(judged) == len(result.outcomes):
        against = [f for f in judged if not f.meets]
        if against:
            bad = sum(f.schedules or 0 for f in against)
            first = min(against, key=lambda f: length(f.witness))
            share = (f": {_number(bad)} of {_number(result.schedules)} do not" if exact
                     else "")
            return Verdict("counterexample", f"Not every schedule {wording}{share}. Here is "
                           f"one that does not.", link(first.witness, None))
        if result.complete:
            every = (f"Every one of the {_number(result.schedules)} schedules" if exact
                     else "Every schedule")
            return Verdict("proof", f"{every} {wording}: proved.")
        return Verdict("unknown", f"Every schedule finished so far {wording}, but the search "
                       f"stopped early ({result.stopped}): not a proof.")
    goal_result = result.goal or {}
    if goal_result.get("reachable"):
        meeting = sum(f.schedules or 0 for f in judged if f.meets)
        share = (f" {_number(meeting)} of {_number(result.schedules)} schedules"
                 f" ({_percent(meeting, result.schedules or 1)}) do."
                 if exact and judged and result.schedules else "")
        return Verdict("found", f"The challenge's goal, {goal}, can be met.{share}",
                       link(goal_result["witness"], None), spoiler=True)
    if goal_result.get("proof"):
        every = (f"every one of the {_number(result.schedules)} schedules" if exact
                 else "every schedule")
        return Verdict("impossible", f"No schedule {wording}: impossible in {every}.")
    return Verdict("unknown", f"{goal}: not found, but the search was partial.")


def _races(races: Sequence[Race], link: Link) -> list[RaceEntry]:
    """One entry per place and pair of lines: read/write, write/read and write/write by the
    same two lines are one race seen three ways."""
    grouped: dict[tuple, list[Race]] = {}
    for r in races:
        a, b = r.first, r.second
        key = (r.variable, *sorted(((a.thread, a.line), (b.thread, b.line))))
        grouped.setdefault(key, []).append(r)
    entries = []
    for (variable, (t1, l1), (t2, l2)), same in grouped.items():
        kinds = {frozenset((r.first.kind, r.second.kind)) for r in same}
        sentences = []
        if frozenset(("read", "write")) in kinds:
            sentences.append(f"If the write goes first, the read sees the new value of "
                             f"{variable}; if the read goes first, it sees the old one.")
        if frozenset(("write",)) in kinds:
            sentences.append("Both write it: the order they go in decides what it ends "
                             "as.")
        shortest = min(same, key=lambda r: length(r.witness))
        who = (f"{t1} and {t2}, both at line {l1}," if l1 == l2 else
               f"{t1} at line {l1} and {t2} at line {l2}")
        # `race=1`: the page points out the two steps side by side there.
        entries.append(RaceEntry(variable, who, " ".join(sentences),
                                 link(shortest.witness, None) + "&race=1"))
    return entries


def _reveal(result: Exploration, variable: str | None, predicted: Sequence[str]) -> Reveal:
    if variable is not None:
        subject = f"final values of {variable}"
        possible = {repr(f.outcome.globals[variable]) for f in result.outcomes
                    if f.outcome.kind == "done" and variable in f.outcome.globals}
    else:
        subject = "ways the run can end"
        possible = {_ending(f) for f in result.outcomes}
    order = {v: i for i, v in enumerate(ENDINGS)}

    def ordered(values: set[str]) -> tuple[str, ...]:
        return tuple(sorted(values, key=lambda v: (order.get(v, 99), len(v), v)))

    said = {p.strip() for p in predicted if p.strip()}
    return Reveal(subject, ordered(said), ordered(possible), ordered(possible - said),
                  ordered(said - possible))


def racing(races: Sequence[SideBySide]) -> Racing:
    """What a page says of the races side by side in its state."""
    return Racing(tuple(_race_here(race) for race in races),
                  frozenset(side.thread for race in races for side in (race.first, race.second)))


def _race_here(race: SideBySide) -> str:
    """What either order of two steps side by side would do, in words."""
    (t1, l1, k1), (t2, l2, k2), name = race.first, race.second, race.variable
    head = (f"Race here: {t1} is about to {k1} {name} (line {l1}) and {t2} to {k2} it "
            f"(line {l2}), and nothing decides which goes first.")
    if k1 == k2:
        return (f"{head} Whichever writes second replaces what the first wrote: step {t1} "
                f"then {t2}, or the other way round, and compare.")
    reader, writer = (t1, t2) if k1 == "read" else (t2, t1)
    return (f"{head} If {writer} writes first, {reader} reads the new value; if {reader} "
            f"reads first, it gets the old one, and anything it computes from it misses "
            f"{writer}'s write.")
