"""The `interleave` command: run a program under a schedule, list the scenarios.

Bad input (a missing file, a compile error, a bad schedule) exits with status 2 and a message
on stderr, never a traceback. A run that deadlocks or hits the step limit is a result, not an
error: status 0.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from dataclasses import fields
from json.encoder import encode_basestring_ascii as _string
from pathlib import Path

from . import scenarios
from .engine import (
    DEFAULT_BUDGETS,
    DEFAULT_MAX_SECONDS,
    DEFAULT_MAX_STATES,
    DEFAULT_MAX_STEPS,
    DEFAULT_POLICY,
    POLICIES,
    Budgets,
    CompileError,
    Explicit,
    Exploration,
    InterleaveError,
    Outcome,
    Program,
    Run,
    Step,
    compile_program,
    explore,
    jsonable,
    length,
    make_policy,
    parse_goal,
    represent,
    run,
    verify,
)


class UsageError(Exception):
    """Bad input from the command line: reported in one line, exit status 2."""


#: A flag for each of the program's budgets (`--max-threads` sets `Budgets.threads`).
BUDGET_FLAGS = {
    "source_bytes": "bytes of source",
    "nesting": "nested blocks",
    "threads": "threads in one run, MainThread included",
    "int_bits": "bits in one integer",
    "items": "items a repetition ([0] * n) may make",
    "local_ops": "operations a thread may run between two steps before it counts as stuck",
    "output": "characters of output (print) one run may keep",
}


#: The hash seed every Interleave process runs with: a set of strings iterates in the order of
#: their hashes, which CPython otherwise randomises per process, and a run must be the same
#: in every process (a permalink opened by another server worker, a rerun of the CLI).
HASH_SEED = "0"


def main(argv: list[str] | None = None) -> int:
    if argv is None and os.environ.get("PYTHONHASHSEED") != HASH_SEED:
        # Only set when Python starts: start again with it (the same command line).
        os.execve(sys.executable, [sys.executable, *sys.orig_argv[1:]],
                  {**os.environ, "PYTHONHASHSEED": HASH_SEED})
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return args.handler(args)
    except UsageError as e:
        print(f"interleave: {e}", file=sys.stderr)
        return 2
    except CompileError as e:
        print(_compile_error(e, args), file=sys.stderr)
        return 2
    except InterleaveError as e:
        print(f"interleave: {e}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader stopped (`interleave run … --json | head`): that is its choice, not an
        # error. Point stdout at /dev/null so the flush at exit does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="interleave",
        description="Run Python threading programs one atomic step at a time.")
    sub = parser.add_subparsers(required=True, metavar="COMMAND")

    p = sub.add_parser("run", help="run a program (or a built-in scenario) under a schedule",
                       description="Run a program under an explicit schedule or a policy and "
                                   "print its trace and outcome.")
    p.add_argument("program", help="a Python file, or the id of a built-in scenario")
    p.add_argument("--schedule", metavar="S",
                   help="follow this schedule (e.g. a3b3c2, or a3~cpython: the cpython "
                        "policy after 3 steps); with --policy, the policy "
                        "continues after it")
    p.add_argument("--policy", choices=POLICIES,
                   help="rr: round-robin; random: seeded random; cpython: like CPython "
                        "3.10-3.13 with the GIL (default: rr, or the scenario's policy)")
    p.add_argument("--quantum", type=_positive, metavar="N",
                   help="steps per turn (rr; default 1) or switch interval in steps "
                        "(cpython; default 100)")
    p.add_argument("--seed", type=int, default=0, metavar="N", help="seed for --policy random")
    p.add_argument("--max-steps", type=_positive, default=DEFAULT_MAX_STEPS, metavar="N",
                   help=f"stop after N steps (default {DEFAULT_MAX_STEPS:,})")
    p.add_argument("--summary", action="store_true",
                   help="print only the outcome and the step count (fast for long runs)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(handler=_run)

    e = sub.add_parser("explore", help="explore every interleaving: all outcomes, races, "
                                       "deadlocks",
                       description="Walk every schedule of a program (states reached twice "
                                   "are explored once, and steps that cannot change an outcome "
                                   "are not interleaved) and report each reachable outcome with "
                                   "a witness schedule and, when the unreduced graph fits the "
                                   "budgets, its number of schedules.")
    e.add_argument("program", help="a Python file, or the id of a built-in scenario")
    e.add_argument("--max-states", type=_positive, default=DEFAULT_MAX_STATES, metavar="N",
                   help=f"stop after N distinct states (default {DEFAULT_MAX_STATES:,})")
    e.add_argument("--max-seconds", type=float, default=DEFAULT_MAX_SECONDS, metavar="S",
                   help=f"stop after S seconds (default {DEFAULT_MAX_SECONDS:g})")
    e.add_argument("--goal", metavar="EXPR",
                   help="is there a schedule where EXPR holds? e.g. 'counter == 1', "
                        "'deadlock', 'at(8, 9) >= 2' (default: the scenario's goal)")
    e.add_argument("--no-count", dest="count", action="store_false",
                   help="do not count schedules: only what can happen (faster)")
    e.add_argument("--json", action="store_true", help="print one JSON object")
    e.set_defaults(handler=_explore)

    c = sub.add_parser("verify", help="does a schedule meet a scenario's challenge?",
                       description="Follow a schedule and say whether it meets the challenge's "
                                   "goal: exit status 0 if it does, 1 if it does not, 2 if the "
                                   "input is bad (an unknown scenario, a schedule that cannot "
                                   "be followed).")
    c.add_argument("program", help="a scenario id, or a Python file (then give --goal)")
    c.add_argument("--schedule", required=True, metavar="S", help="the learner's schedule")
    c.add_argument("--goal", metavar="EXPR", help="the goal (default: the scenario's)")
    c.add_argument("--json", action="store_true", help="print one JSON object")
    c.set_defaults(handler=_verify)

    x = sub.add_parser("export", help="write one HTML file that replays a run offline",
                       description="Write a self-contained HTML file (no server, no network) "
                                   "that replays a schedule with the simulator's look, "
                                   "controls and keyboard shortcuts.")
    x.add_argument("program", help="a Python file, or the id of a built-in scenario")
    x.add_argument("--schedule", metavar="S",
                   help="the schedule to replay (default: the policy's whole run)")
    x.add_argument("--policy", choices=POLICIES,
                   help="the policy shown, and run when no --schedule is given")
    x.add_argument("--at", type=int, default=0, metavar="N", help="open at step N")
    x.add_argument("--link", metavar="URL",
                   help="the Interleave server to link back to (e.g. https://interleave.example)")
    x.add_argument("-o", "--output", required=True, metavar="FILE", help="where to write it")
    x.set_defaults(handler=_export)

    for runs_programs in (p, e, c, x):
        _add_budget_flags(runs_programs)

    v = sub.add_parser("serve", help="start the web app")
    v.add_argument("--host", default="127.0.0.1")
    v.add_argument("--port", type=int, default=8000)
    v.add_argument("--workers", type=_positive, default=1, metavar="N",
                   help="worker processes (default 1)")
    v.add_argument("--scenarios", action="append", default=[], metavar="DIR",
                   help="also serve the scenario files in DIR (may be repeated)")
    v.add_argument("--forwarded-allow-ips", metavar="IPS",
                   help="proxies whose X-Forwarded-For names the client (addresses or "
                        "networks, comma-separated, or *; default INTERLEAVE_TRUSTED_PROXIES, "
                        "or none)")
    v.set_defaults(handler=_serve)

    s = sub.add_parser("scenarios", help="list the built-in scenarios")
    s.add_argument("--json", action="store_true", help="print a JSON list")
    s.set_defaults(handler=_scenarios)
    return parser


def _add_budget_flags(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("budgets (what the program may use)")
    for name, what in BUDGET_FLAGS.items():
        default = getattr(DEFAULT_BUDGETS, name)
        group.add_argument(f"--max-{name.replace('_', '-')}", dest=f"max_{name}", type=_positive,
                           default=default, metavar="N", help=f"{what} (default {default:,})")


def _budgets(args: argparse.Namespace) -> Budgets:
    return Budgets(**{f.name: getattr(args, f"max_{f.name}") for f in fields(Budgets)})


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


# -- run ---------------------------------------------------------------------------------------


def load_program(name: str, budgets: Budgets) -> tuple[Program, scenarios.Scenario | None]:
    """A file path or a scenario id → (program to run within `budgets`, the scenario if it
    is one)."""
    path = Path(name)
    if path.is_file():
        try:
            source = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise UsageError(f"cannot read {name}: {e}") from None
        return compile_program(source, str(path), budgets), None
    scenario = scenarios.get(name)
    if scenario is None:
        if path.suffix == ".py" or "/" in name:
            raise UsageError(f"no such file: {name}")
        raise UsageError(f"{name!r} is neither a file nor a scenario id "
                         f"(see `interleave scenarios`)")
    return compile_program(scenario.source, f"{scenario.id}.py", budgets), scenario


def _run(args: argparse.Namespace) -> int:
    program, scenario = load_program(args.program, _budgets(args))
    scenario_policy = scenario.policy if scenario else None
    policy_name = args.policy or (DEFAULT_POLICY if args.schedule is None else None)
    if policy_name is None and args.quantum is not None:
        raise UsageError("--quantum goes with --policy")
    if policy_name == DEFAULT_POLICY and args.policy is None and scenario_policy:
        policy_name = scenario_policy
    follow = make_policy(policy_name, args.quantum, args.seed) if policy_name else None
    policy, then = (Explicit(args.schedule), follow) if args.schedule is not None else (
        follow, None)
    assert policy is not None
    out = _Chunks()
    table = None if args.json or args.summary else _TraceTable(program, out)
    on_step: Callable[[Step], None] | None = table
    if args.json and not args.summary:
        out.add('{"steps": [')
        on_step = _json_steps(out)
    result = run(program, policy, max_steps=args.max_steps, record=False, then=then,
                 on_step=on_step)
    if args.json:
        # Last, as only the end of the run tells the schedule.
        outcome = json.dumps(jsonable(result.outcome.to_dict()), allow_nan=False)
        head = f'{{"step_count": {result.outcome.step_count}' if args.summary else "\n]"
        out.add(f'{head}, "outcome": {outcome}, "schedule": {json.dumps(result.schedule)}}}\n')
        out.flush()
    else:
        if table is not None:
            table.close()
        out.flush()
        _print_outcome(result, args.summary)
    return 0


class _Chunks:
    """Text for stdout, written in chunks of CHUNK pieces (a few hundred kilobytes of a
    trace): one write per chunk, not one per line. A run that fails before its first chunk
    (a schedule step that cannot be taken) writes nothing, so its error stands alone."""

    CHUNK = 4096

    def __init__(self) -> None:
        sys.stdout.flush()  # what print() wrote goes first
        self.stream = sys.stdout.buffer
        self.encoding = sys.stdout.encoding
        self.errors = sys.stdout.errors or "strict"
        self.parts: list[str] = []

    def add(self, text: str) -> None:
        parts = self.parts
        parts.append(text)
        if len(parts) >= self.CHUNK:
            self.flush()

    def flush(self) -> None:
        self.stream.write("".join(self.parts).encode(self.encoding, self.errors))
        self.stream.flush()
        self.parts.clear()


def _json_steps(out: _Chunks) -> Callable[[Step], None]:
    """An `on_step` that writes each step as `Step.to_dict()`'s JSON, one a line: a template,
    since json.dumps on a dict per step costs more than the step itself."""
    parts = out.parts  # out.add, inlined: this runs a million times
    separator = "\n"

    def write(s: Step) -> None:
        nonlocal separator
        changes = "{" + ", ".join([f"{_string(k)}: {_string(v)}" for k, v in s.changes.items()]
                                  ) + "}" if s.changes else "{}"
        parts.append(f'{separator}{{"step": {s.index}, "thread": {_string(s.thread)}, '
                     f'"tid": {s.tid}, "line": {s.line}, "kind": {_string(s.kind)}, '
                     f'"action": {_string(s.action)}, "changes": {changes}}}')
        separator = ",\n"
        if len(parts) >= _Chunks.CHUNK:
            out.flush()

    return write


class _TraceTable:
    """An `on_step` that writes the trace table, a line per step. It holds the first CHUNK
    steps to size the thread column (all of a short run, whose table is as it always was);
    a longer name after that widens the column from its first line on."""

    def __init__(self, program: Program, out: _Chunks) -> None:
        self.shared_names = program.shared
        self.add = out.add
        self.held: list[Step] | None = []
        self.width = 0
        self.shared: dict[str, str] = {}
        self.values = ""

    def __call__(self, s: Step) -> None:
        if self.held is None:
            self._line(s)
        else:
            self.held.append(s)
            if len(self.held) >= _Chunks.CHUNK:
                self.close()

    def close(self) -> None:
        """Write the held steps, with the table's header."""
        if self.held is None:
            return
        held, self.held = self.held, None
        self.width = max((len(s.thread) for s in held), default=6)
        self.add(f"{'step':>5}  {'thread':<{self.width}}  {'line':>4}  {'action':<44}  shared\n")
        for s in held:
            self._line(s)

    def _line(self, s: Step) -> None:
        if s.changes:  # none, or one, mostly
            changed = False
            for name, value in s.changes.items():
                if name in self.shared_names:
                    self.shared[name] = value
                    changed = True
            if changed:
                values = " ".join([f"{k}={v}" for k, v in self.shared.items()])
                self.values = values if len(values) <= 60 else values[:59] + "…"
        if len(s.thread) > self.width:
            self.width = len(s.thread)
        action = s.action if len(s.action) <= 44 else s.action[:43] + "…"
        # rjust/ljust: half the time of format specs, which are parsed anew for every line.
        self.add(f"{str(s.index + 1).rjust(5)}  {s.thread.ljust(self.width)}  "
                 f"{str(s.line).rjust(4)}  {action.ljust(44)}  {self.values}\n")


def _print_outcome(result: Run, summary: bool) -> None:
    o = result.outcome
    hint = " (--max-steps raises it)" if o.reason.startswith("the step limit") else ""
    print(f"── {o.summary()}" + (f": {o.reason}{hint}" if o.reason else ""))
    if o.kind == "deadlock":
        print("no thread can move:")
    if o.blocked:
        for b in o.blocked:
            holds = f"holds {', '.join(b.holds)}; " if b.holds else ""
            print(f"  {b.thread}: {holds}{b.reason}")
    if o.output:
        print("output:")
        for line in o.output:
            print(f"  {line}")
    if o.stderr:  # the program's stderr (logging) goes to ours
        print("stderr:", file=sys.stderr)
        for line in o.stderr:
            print(f"  {line}", file=sys.stderr)
    for e in o.errors:
        print(f"exception in {e}")
    short = {k: v for k, v in o.globals.items() if not isinstance(v, list | dict) or len(
        represent(v)) <= 60}
    if short:
        print("globals: " + ", ".join(f"{k}={represent(v)}" for k, v in short.items()))
    if summary and len(result.schedule) > 200:
        print(f"schedule: {len(result.schedule):,} characters (use --json to get it)")
    else:
        print(f"schedule: {result.schedule or '(empty)'}")


def _compile_error(e: CompileError, args: argparse.Namespace) -> str:
    name = getattr(args, "program", "<program>")
    lines = [f"{name}:{e.line}:{e.col}: {e.message}"]
    source = _source_line(name, e.line)
    if source is not None:
        lines.append(f"    {source}")
        lines.append("    " + " " * (e.col - 1) + "^")
    if e.hint:
        lines.append(f"hint: {e.hint}")
    return "\n".join(lines)


def _source_line(name: str, number: int) -> str | None:
    path = Path(name)
    try:
        if path.is_file():
            text = path.read_text(encoding="utf-8")
        else:
            scenario = scenarios.get(name)
            text = scenario.source if scenario else ""
    except (OSError, UnicodeDecodeError):
        return None
    lines = text.splitlines()
    return lines[number - 1] if 1 <= number <= len(lines) else None


def _goal(args: argparse.Namespace, scenario: scenarios.Scenario | None) -> str:
    """--goal if given, else the scenario's challenge ("" for a file without --goal)."""
    return args.goal if args.goal is not None else (scenario.goal if scenario else "")


# -- explore ---------------------------------------------------------------------------------


def _explore(args: argparse.Namespace) -> int:
    program, scenario = load_program(args.program, _budgets(args))
    text = _goal(args, scenario)
    goal = parse_goal(text, program.budgets) if text else None
    if args.max_seconds <= 0:
        raise UsageError("--max-seconds must be positive")
    live = sys.stderr.isatty() and not args.json

    def progress(states: int, transitions: int, seconds: float, _found: object) -> None:
        if live and seconds >= 1:
            left = max(0.0, args.max_seconds - seconds)
            print(f"\r{states:,} states ({states / seconds:,.0f}/s), {transitions:,} "
                  f"transitions, {seconds:.1f} s ({left:.0f} s left)   ", end="",
                  file=sys.stderr, flush=True)

    result = explore(program, max_states=args.max_states, max_seconds=args.max_seconds,
                     goal=goal, progress=progress, goal_directed=goal is not None,
                     count=args.count)
    if live and result.seconds >= 1:
        print(file=sys.stderr)
    if args.json:
        json.dump(jsonable(result.to_dict()), sys.stdout, allow_nan=False)
        print()
    else:
        _print_exploration(result, text)
    return 0


def _print_exploration(result: Exploration, goal: str) -> None:
    status = "complete" if result.complete else f"PARTIAL ({result.stopped})"
    twins = " (threads alike taken as interchangeable)" if result.twins_merged else ""
    print(f"explored {result.states:,} states{twins} and {result.transitions:,} transitions in "
          f"{result.seconds:.2f} s: {status}")
    total = result.schedules
    counted = not result.not_counted
    searched = [f for f in result.outcomes if not f.found_by]
    if searched:
        print(f"{_count(total) if counted else 'schedules not counted: ' + result.not_counted}"
              f"{' schedules' if counted else ''}, {len(result.outcomes)} outcome(s)"
              f"{'' if result.complete else ' found so far'}")
        print(f"\n{'schedules':>20}  {'share':>6}  outcome")
    elif result.outcomes:
        print(f"no schedule the search walked reached its end within the budget; whole runs "
              f"under policies found {len(result.outcomes)} outcome(s) so far, not counted")
        print(f"\n{'schedules':>20}  {'share':>6}  outcome")
    else:
        print("no schedule reached its end within the budget (raise --max-seconds or "
              "--max-states)")
    varying = _varying([found.outcome for found in result.outcomes])
    for found in result.outcomes:
        share = (f"{100 * found.schedules / total:5.1f}%" if total and found.schedules
                 is not None else "     -")
        count = (f"found by ~{found.found_by}" if found.found_by else
                 _count(found.schedules) if counted else "not counted")
        print(f"{count:>20}  {share}  {_describe(found.outcome, varying)}")
        print(f"{'':>20}  {'':>6}  witness: {_short(found.witness)}")
    if result.races:
        print("\ndata races (two threads can access the same variable in either order):")
        for race in result.races:
            a, b = race.first, race.second
            print(f"  {race.variable}: {a.thread} {a.kind}s at line {a.line}, {b.thread} "
                  f"{b.kind}s at line {b.line}  (witness: {_short(race.witness)})")
    else:
        print("\nno data races" + ("" if result.complete else " in the states walked so far"))
    for deadlock in result.deadlocks:
        print("\ndeadlock:" + ("" if deadlock.cycle else " (no wait-for cycle)"))
        for link in deadlock.cycle or deadlock.blocked:
            holds = f"holds {', '.join(link['holds'])}; " if link["holds"] else ""
            print(f"  {link['thread']}: {holds}{link['reason']}")
        print(f"  witness: {_short(deadlock.witness)}")
    if result.goal is not None:
        g = result.goal
        if g["reachable"]:
            print(f"\ngoal {goal}: reachable, witness: {g['witness'] or '(empty)'}")
        elif g["proof"]:
            print(f"\ngoal {goal}: impossible (every schedule was explored)")
        else:
            print(f"\ngoal {goal}: not found (the search was partial)")


def _count(n: int | None) -> str:
    return "unbounded" if n is None else f"{n:,}"


def _short(text: str) -> str:
    """A schedule or a value, cut to 60 characters."""
    return text if len(text) <= 60 else text[:59] + "…"


def _varying(outcomes: list[Outcome]) -> set[str]:
    """The globals whose final values tell the outcomes apart."""
    values: dict[str, set[str]] = {}
    for o in outcomes:
        for name, value in o.globals.items():
            values.setdefault(name, set()).add(represent(value))
    return {name for name, seen in values.items() if len(seen) > 1 or any(
        name not in o.globals for o in outcomes)}


def _describe(o: Outcome, varying: set[str]) -> str:
    """An outcome on one line: how it ended, what it printed, and its globals: first those
    that tell it from the others (shortened), then the short ones."""
    parts = [{"done": "finished", "deadlock": "DEADLOCK", "limit": "LIMIT",
              "livelock": "LIVELOCK"}.get(o.kind, o.kind)]
    if o.output:
        parts.append("prints " + " / ".join(o.output)[:60])
    shown = [f"{k}={_short(represent(v))}" for k, v in o.globals.items() if k in varying]
    shown += [f"{k}={represent(v)}" for k, v in o.globals.items()
              if k not in varying and len(represent(v)) <= 30]
    if shown:
        parts.append(", ".join(shown)[:80])
    parts.extend(str(e) for e in o.errors)
    if o.kind == "deadlock":
        parts.append("stuck: " + ", ".join(b.thread for b in o.blocked))
    if o.reason:
        parts.append(o.reason)
    return " · ".join(parts)


# -- serve -----------------------------------------------------------------------------------

#: Room for a request's headers beside its address, in h11's buffer.
HEADER_BYTES = 64 * 1024


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from .web.settings import Settings, SettingsError

    try:  # the workers read the same variables: a bad one is reported once, here
        settings = Settings.from_env()
    except SettingsError as e:
        raise UsageError(str(e)) from None
    proxies = args.forwarded_allow_ips or settings.trusted_proxies
    if args.scenarios:  # the workers read it when they import the app
        os.environ[scenarios.ENV] = os.pathsep.join(
            str(Path(d).resolve()) for d in args.scenarios)
        scenarios.catalog.cache_clear()
    try:
        for scenario in scenarios.catalog().values():
            scenarios.check(scenario, settings.budgets)
    except scenarios.ScenarioError as e:
        raise UsageError(str(e)) from None
    # No proxy is trusted unless named (uvicorn's default trusts 127.0.0.1). h11, not
    # httptools: httptools refuses an address over 65,535 bytes with a bare 400, and h11's
    # buffer must hold the longest address the app answers itself (a 414 that says why).
    uvicorn.run("app.main:app", host=args.host, port=args.port, workers=args.workers,
                proxy_headers=bool(proxies), forwarded_allow_ips=proxies or None,
                http="h11", h11_max_incomplete_event_size=settings.max_url + HEADER_BYTES)
    return 0


# -- export ------------------------------------------------------------------------------------


def _export(args: argparse.Namespace) -> int:
    # Imported here: the other commands start faster without the web layer.
    from .web.errors import PageError
    from .web.export import export_html, policy_schedule
    from .web.render import Renderer, static_assets
    from .web.replay import Replays
    from .web.settings import Settings
    from .web.source import encode_source

    program, scenario = load_program(args.program, _budgets(args))
    policy = args.policy or (scenario.policy if scenario else DEFAULT_POLICY)
    schedule = args.schedule if args.schedule is not None else policy_schedule(program, policy)
    if scenario:
        base, params = f"/s/{scenario.id}", {}
    else:
        base, params = "/p", {"code": encode_source(program.source)}
    try:
        html = export_html(Renderer(static_assets()), Replays(), program, schedule, policy,
                           scenario, base, params, Settings(budgets=program.budgets), args.at,
                           (args.link or "").rstrip("/"))
    except PageError as e:
        raise UsageError(e.message) from None
    try:
        Path(args.output).write_text(html, encoding="utf-8")
    except OSError as e:
        raise UsageError(f"cannot write {args.output}: {e}") from None
    print(f"wrote {args.output}: {length(schedule):,} steps, {len(html.encode()):,} bytes",
          file=sys.stderr)
    return 0


# -- verify ------------------------------------------------------------------------------------


def _verify(args: argparse.Namespace) -> int:
    program, scenario = load_program(args.program, _budgets(args))
    text = _goal(args, scenario)
    if not text:
        raise UsageError("this program has no goal: give one with --goal")
    verdict = verify(program, parse_goal(text, program.budgets), args.schedule)
    if args.json:
        json.dump(jsonable(verdict.to_dict()), sys.stdout, allow_nan=False)
        print()
    elif verdict.met:
        print(f"met: {verdict.goal} (after {verdict.steps} steps)")
    else:
        print(f"not met: {verdict.goal}: {verdict.reason}")
    return 0 if verdict.met else 1


# -- scenarios ---------------------------------------------------------------------------------


def _scenarios(args: argparse.Namespace) -> int:
    found = scenarios.catalog()
    if args.json:
        json.dump([s.to_dict() for s in found.values()], sys.stdout, indent=2)
        print()
        return 0
    width = max(len(i) for i in found)
    for s in found.values():
        print(f"{s.id:<{width}}  {s.title}")
        if s.challenge:
            print(f"{'':<{width}}  challenge: {s.challenge}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
