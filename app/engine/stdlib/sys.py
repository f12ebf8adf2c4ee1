"""`sys`: the switch interval, `exit`, `stdout`/`stderr`, `argv` and a few constants.

`sys.stdout` and `sys.stderr` are `Stream`s: `write` and `flush`, and what `print(...,
file=sys.stderr)` writes to (the program's stderr is kept apart from its stdout, as
logging's lines are). A program may rebind them (`sys.stdout = open("out.txt", "w")`, or
`contextlib.redirect_stdout`): `print()` and `sys.stdout` then name the new target, and
`sys.__stdout__` the stream. `argv` is `[filename]`, what `python filename` gives a program run
with no arguments (`program.py` on the site, the path given to `interleave run`): a list of
the run's own (kept with its state, as the interval is), which the program may change.

`setswitchinterval(s)` is the `cpython` policy's switch interval for the rest of the run: its
slices are `s / 0.005` times the length they have by default (policies.CPython), so a
lesson that sets 1e-6 to provoke lost updates provokes them here too. Under the other
policies it changes nothing, as the schedule is theirs. The interval is kept with the
program's state (a hidden variable), so a snapshot carries it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple, cast

from ..builtin import Builtin, ModuleVariable
from ..classes import MISSING, Instance
from ..machine import DEFAULT_SWITCH_INTERVAL, MAX_DEPTH, SWITCH_INTERVAL
from ..nested import call_now
from ..values import LibraryObject, SimException, Thrown, fail, type_name
from .io import File

if TYPE_CHECKING:
    from ..machine import Machine, Thread

HINT = ("Supported from sys: setswitchinterval, getswitchinterval, exit, stdout, stderr, argv, "
        "exc_info, getrecursionlimit, maxsize, version_info, version, platform.")


_RECONFIGURE = frozenset({"encoding", "errors", "newline", "line_buffering", "write_through"})


class Stream(LibraryObject):
    """`sys.stdout` or `sys.stderr`: `write(text)` appends to that stream of the program's
    output; `flush()` does nothing (the simulated streams are never buffered)."""

    __slots__ = ("stream",)
    METHODS = frozenset({"write", "flush", "writelines", "isatty", "fileno", "reconfigure"})
    ATTRIBUTES = frozenset({"name", "encoding", "mode"})

    def __init__(self, stream: str) -> None:
        self.stream = stream

    def __repr__(self) -> str:
        return f"<_io.TextIOWrapper name='<{self.stream}>' mode='w' encoding='utf-8'>"

    def __reduce__(self) -> tuple[Any, ...]:
        return (stream_named, (self.stream,))  # one object per stream, copies included

    @property
    def type_name(self) -> str:
        return "_io.TextIOWrapper"

    def attribute(self, name: str) -> Any:
        return {"name": f"<{self.stream}>", "encoding": "utf-8", "mode": "w"}[name]

    def call(self, m: Machine, name: str, args: list[Any], kwargs: dict[str, Any]) -> Any:
        if name == "reconfigure":  # `line_buffering=True` …: the streams are never buffered
            if args:
                raise fail("TypeError", "reconfigure() takes no positional arguments")
            for key in kwargs:
                if key not in _RECONFIGURE:
                    raise fail("TypeError", f"reconfigure() got an unexpected keyword "
                                            f"argument '{key}'")
            return None
        if kwargs:
            raise fail("TypeError", f"TextIOWrapper.{name}() takes no keyword arguments")
        if name == "write":
            if len(args) != 1:
                raise fail("TypeError", f"TextIOWrapper.write() takes exactly one argument "
                                        f"({len(args)} given)")
            if not isinstance(args[0], str):
                raise fail("TypeError", f"write() argument must be str, not "
                                        f"{type_name(args[0])}")
            m.write([args[0]], self.stream)
            return len(args[0])
        if name == "writelines":
            if len(args) != 1:
                raise fail("TypeError", f"TextIOWrapper.writelines() takes exactly one "
                                        f"argument ({len(args)} given)")
            lines = list(args[0]) if isinstance(args[0], list | tuple) else None
            if lines is None or not all(isinstance(line, str) for line in lines):
                raise fail("TypeError", "writelines() argument must be a list of strings")
            m.write(lines, self.stream)
            return None
        if args:
            raise fail("TypeError", f"TextIOWrapper.{name}() takes no arguments "
                                    f"({len(args)} given)")
        if name == "isatty":
            return False
        if name == "fileno":
            return 1 if self.stream == "stdout" else 2
        return None


class _VersionInfo(NamedTuple):
    major: int
    minor: int
    micro: int
    releaselevel: str
    serial: int

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={value!r}" for name, value in zip(self._fields, self,
                                                                       strict=True))
        return f"sys.version_info({fields})"


STREAMS = {"stdout": Stream("stdout"), "stderr": Stream("stderr")}


def stream_named(stream: str) -> Stream:
    """The one `Stream` object of `stream` (for snapshots)."""
    return STREAMS[stream]


#: Where a machine keeps what `sys.stdout` / `sys.stderr` name when the program rebinds them
#: (`sys.stdout = f`, `contextlib.redirect_stdout(f)`; names no program can write); absent:
#: the stream itself.
REDIRECTS = {"stdout": ".stdout", "stderr": ".stderr"}


def current(m: Machine, stream: str) -> Any:
    """What `sys.stdout` (or `sys.stderr`) names now: the stream, or what it was set to."""
    return m.globals.get(REDIRECTS[stream], STREAMS[stream])


def rebind(m: Machine, stream: str, target: Any) -> None:
    """`sys.stdout = target`: a stream of ours, a file of the program's (io.py) or an object
    of its own with a `write` method (a "tee")."""
    if not isinstance(target, Stream | File) and _own_write(target) is None:
        raise fail("TypeError", f"sys.{stream} may name sys.stdout, sys.stderr, a file, a "
                                f"StringIO or an object with a write method here, not "
                                f"{type_name(target)}")
    if target is STREAMS[stream]:
        m.globals.pop(REDIRECTS[stream], None)
    else:
        m.globals[REDIRECTS[stream]] = target


def _own_write(obj: Any) -> Any:
    """The `write` method of an object of the program's class, or None."""
    write = obj.cls.lookup("write") if isinstance(obj, Instance) else MISSING
    return None if write is MISSING else write


def write_to(m: Machine, file: Any, texts: list[str], th: Thread | None = None) -> None:
    """`print(..., file=file)`: to a stream of ours, a file the program opened (io.py), or
    an object of its own: its `write`, called with each piece as CPython's print does (inside
    the step, as a key function is: `th`); anything else has no `write`."""
    if isinstance(file, File):
        file.write_text(m, texts)
        return
    own = _own_write(file)
    if own is not None and th is not None:
        for text in texts:
            call_now(m, th, own, [file, text])
        return
    if not isinstance(file, Stream):
        raise fail("AttributeError", f"'{type_name(file)}' object has no attribute 'write'")
    m.write(texts, file.stream)


def _setswitchinterval(m: Machine, th: Thread, *args: Any) -> None:
    if len(args) != 1:
        raise fail("TypeError", f"sys.setswitchinterval() takes exactly one argument "
                                f"({len(args)} given)")
    (interval,) = args
    if not isinstance(interval, int | float):
        raise fail("TypeError", f"must be real number, not {type_name(interval)}")
    if interval <= 0:
        raise fail("ValueError", "switch interval must be strictly positive")
    m.globals[SWITCH_INTERVAL] = float(interval)


def _getswitchinterval(m: Machine, th: Thread, *args: Any) -> float:
    if args:
        raise fail("TypeError", f"sys.getswitchinterval() takes no arguments "
                                f"({len(args)} given)")
    return cast("float", m.globals.get(SWITCH_INTERVAL, DEFAULT_SWITCH_INTERVAL))


def _exit(m: Machine, th: Thread, *args: Any) -> None:
    """Raises SystemExit: uncaught, it ends its thread quietly (MainThread's too: the
    others still run to their end, as at CPython's exit)."""
    if len(args) > 1:
        raise fail("TypeError", f"exit expected at most 1 argument, got {len(args)}")
    raise Thrown(SimException("SystemExit", tuple(args)))


#: The hidden variable that holds the run's `sys.argv`.
_ARGV = ".argv"


def _argv(m: Machine, th: Thread) -> list[str]:
    return cast("list[str]", m.globals.setdefault(_ARGV, [m.program.filename]))


def _function(name: str, fn: Any) -> Builtin:
    return Builtin(name, fn, module="sys")


#: What `sys.stdout = f` and `sys.stderr = f` call (compiler: library.SETTERS).
SET_STDOUT = _function("set_stdout", lambda m, th, target: rebind(m, "stdout", target))
SET_STDERR = _function("set_stderr", lambda m, th, target: rebind(m, "stderr", target))

TABLE: dict[str, Any] = {
    "set_stdout": SET_STDOUT,
    "set_stderr": SET_STDERR,
    "setswitchinterval": _function("setswitchinterval", _setswitchinterval),
    "getswitchinterval": _function("getswitchinterval", _getswitchinterval),
    "exit": _function("exit", _exit),
    "getrecursionlimit": _function("getrecursionlimit", lambda m, th: MAX_DEPTH),
    "maxsize": 2**63 - 1,
    "stdout": ModuleVariable(_function("stdout", lambda m, th: current(m, "stdout"))),
    "stderr": ModuleVariable(_function("stderr", lambda m, th: current(m, "stderr"))),
    "__stdout__": STREAMS["stdout"],
    "__stderr__": STREAMS["stderr"],
    "argv": ModuleVariable(_function("argv", _argv)),
    "version_info": _VersionInfo(3, 13, 0, "final", 0),
    "version": "3.13.0 (main) [Interleave]",
    "platform": "linux",
}
