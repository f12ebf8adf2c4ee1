"""Tracebacks as CPython 3.13 prints them: `traceback.print_exc()`, `logging.exception()`,
and the report of an exception that ends a thread.

An exception keeps the frames it has left or landed in (`SimException.tb`), outermost
first: `passing` adds each frame `Machine.deliver` walks through, with the instruction the
frame was at, and a `raise` in the frame that handled it adds none again (CPython's
traceback shows the line the exception came from, not the `raise`). The library's own code
(line 0: a `map`'s loop) has no frame in the report, as C code has none; where CPython's is
Python, its frames are CPython 3.13.0's text (`_LIBRARY`): threading.py's above a thread's
code, concurrent.futures' where `f.result()` raises a pool's call's exception again.

Each frame reads as CPython's does:

      File "prog.py", line 3, in f
        return 1 / x
               ~~^~~

the line of source, dedented, and under it the carets of 3.13's `traceback.py`
(`_extract_caret_anchors_from_line_segment`, `_should_show_carets`): `~` and `^` under a
binary operation, a subscript or a call (`^` for the operator, the brackets and what is in
them), `^` under any other expression that is not the whole line. The expression is found by
the instruction's position in the program's syntax tree. An expression over several lines
shows its first line, without carets (3.13 shows each line).
"""

from __future__ import annotations

import ast
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from .values import LibraryObject, SimException

if TYPE_CHECKING:
    from .code import Code, Instr
    from .machine import Frame
    from .program import Program

#: One frame of a traceback: (its index in the thread's frames, its code, the position of
#: the instruction it was at), or (-1, None, -n) for CPython library frame n (`_LIBRARY`).
#: Code is written by reference in snapshots, and no string is kept: a state reached by a
#: step and the same state replayed write the same bytes.
Entry = tuple[int, "Code | None", int]

#: Ops that push a frame after moving their own frame on (a call, a loop resuming a
#: generator, a special method), or stop there (a generator's YIELD, where `throw` finds
#: it): a frame there is at the instruction before.
_PUSHERS = frozenset({"YIELD", "CALL", "CALL_METHOD", "CALL_SPREAD", "CALL_METHOD_SPREAD",
                      "CALL_TARGET", "CALL_NEW", "CALL_INIT", "INIT_NEW", "FOR_ITER", "SEND",
                      "BINOP", "COMPARE", "UNARY", "SUBSCR", "STORE_SUBSCR", "GET_ATTR", "SET_ATTR",
                      "FORMAT"})
#: The syntax an op's instruction is compiled from, where its position is ambiguous.
_NODES: dict[str, tuple[type[ast.AST], ...]] = {
    "CALL": (ast.Call,), "CALL_METHOD": (ast.Call,), "CALL_SPREAD": (ast.Call,),
    "CALL_METHOD_SPREAD": (ast.Call,), "BINOP": (ast.BinOp,), "COMPUTE": (ast.BinOp,),
    "COMPARE": (ast.Compare,), "UNARY": (ast.UnaryOp,), "SUBSCR": (ast.Subscript,),
    "GET_ATTR": (ast.Attribute,), "READ": (ast.Name,), "LOAD_GLOBAL": (ast.Name,),
    "LOAD_LOCAL": (ast.Name,), "LOAD_CLOSURE": (ast.Name,), "RAISE": (ast.Raise,),
    "RERAISE": (ast.Raise,), "ASSERT_FAIL": (ast.Assert,),
    "UNPACK": (ast.Tuple, ast.List), "UNPACK_EX": (ast.Tuple, ast.List),
}
#: Ops whose position is a loop's (the `for` statement's, or a comprehension's iterable's):
#: a traceback shows them at the iterable.
_LOOPING = frozenset({"GET_ITER", "FOR_ITER"})
#: What CPython 3.13.0's threading.py shows above a thread's own code: `_bootstrap_inner`
#: calling `run`, and `run` calling the target, or a Timer's `run` calling its function (a
#: subclass's own `run` replaces them).
THREADING_PY = "/usr/lib/python3.13/threading.py"
_BOOTSTRAP = (f'  File "{THREADING_PY}", line 1041, in _bootstrap_inner\n'
              "    self.run()\n    ~~~~~~~~^^\n")
_RUN = (f'  File "{THREADING_PY}", line 992, in run\n'
        "    self._target(*self._args, **self._kwargs)\n"
        f"    {'~' * 12}{'^' * 29}\n")
_TIMER_RUN = (f'  File "{THREADING_PY}", line 1342, in run\n'
              "    self.function(*self.args, **self.kwargs)\n"
              f"    {'~' * 13}{'^' * 27}\n")
#: concurrent.futures' frames: where `f.result()` raises the call's exception again, and
#: where a pool's worker ran the call (`_WorkItem.run`, which caught it).
FUTURES = "/usr/lib/python3.13/concurrent/futures"
_RESULT = (f'  File "{FUTURES}/_base.py", line 449, in result\n'
           f"    return self.__get_result()\n           {'~' * 17}^^\n")
_GET_RESULT = (f'  File "{FUTURES}/_base.py", line 401, in __get_result\n'
               "    raise self._exception\n")
_WORK_ITEM = (f'  File "{FUTURES}/thread.py", line 58, in run\n'
              "    result = self.fn(*self.args, **self.kwargs)\n")
#: The CPython library's frames an entry without code stands for, by -position.
_LIBRARY = {-1: _BOOTSTRAP, -2: _RUN, -3: _TIMER_RUN, -4: _RESULT, -5: _GET_RESULT,
            -6: _WORK_ITEM}
#: threading.py's frames above a thread's own, as its `run` is: Thread's ("target"),
#: Timer's ("timer"), or a subclass's own ("own", the first of the thread's own frames).
_ABOVE = {"target": (-1, -2), "timer": (-1, -3), "own": (-1,)}
#: The library's own code that stands for CPython's: a pool's worker loop, by its name.
_STANDS_FOR = {"_worker": -6}


def passing(exc: SimException, index: int, frame: Frame, ins: Instr | None = None,
            above: Frame | None = None, again: bool = False) -> None:
    """Note that `exc` leaves or lands in `frame`, the thread's frame `index`; `ins` is the
    instruction that raised it, if it was this frame's; `above`, the frame it left before.
    Once is enough for a frame that raises it again, unless `again` (`raise e`, which
    CPython shows with where `e` was)."""
    tb = exc.tb
    code = frame.code
    if tb and tb[0][:2] == (index, code) and not again:  # raised again where it was handled
        return
    pc = _position(frame, ins, above)
    if not code.instrs[pc].line:  # the library's own code: CPython's, if it has a frame
        if code.name in _STANDS_FOR:
            object.__setattr__(exc, "tb", ((-1, None, _STANDS_FOR[code.name]), *tb))
        return
    entry: Entry = (index, code, pc)
    object.__setattr__(exc, "tb", (entry, *tb))


def raised_by_result(exc: SimException) -> None:
    """`exc`, a pool's call's exception, is raised again by `f.result()`: concurrent.futures'
    frames come between the caller's and the call's."""
    object.__setattr__(exc, "tb", ((-1, None, -4), (-1, None, -5), *exc.tb))


def left_thread(exc: SimException, run: str) -> None:
    """`exc` ends a thread, whose `run` (see `_ABOVE`) threading.py's code called: those
    frames go first, for `threading.excepthook`'s report or the program's own hook."""
    above: tuple[Entry, ...] = tuple((-1, None, n) for n in _ABOVE[run])
    object.__setattr__(exc, "tb", (*above, *exc.tb))


def _position(frame: Frame, ins: Instr | None, above: Frame | None) -> int:
    """Where `frame` is: at `ins` if that is its instruction; else at the instruction that
    pushed the frame above it: the one before, if that pushes frames, unless the frame above
    runs for an instruction that stays put (a generator gathered for `sum(g)`,
    generators.collect: its `after` says so; a special method, formatting.Converted); else
    at its pc."""
    instrs = frame.code.instrs
    pc = min(frame.pc, len(instrs) - 1)
    if ins is not None:
        for at in (pc, pc - 1):
            if at >= 0 and instrs[at] is ins:
                return at
    if above is not None and (getattr(above.cleanup, "after", ("",))[0] == "collect"
                              or getattr(above.cleanup, "stays_put", False)):
        return pc
    if pc > 0 and instrs[pc - 1].op in _PUSHERS:
        return pc - 1
    return pc


def lines(program: Program, exc: SimException | None, seen: frozenset[int] = frozenset(),
          frames: tuple[Entry, ...] | None = None) -> list[str]:
    """What `traceback.format_exc()` gives for `exc` (CPython's "NoneType: None" for none):
    after its `__cause__`'s (`raise X from e`), or else, unless suppressed (`from None`), the
    `__context__`'s it was raised while handling; with no "Traceback" line for one never
    raised. `frames`: those to show for `exc` itself, if not its own (`print_exception(type,
    value, tb)`)."""
    if exc is None:
        return ["NoneType: None\n"]
    attrs = exc.attrs or {}
    cause, context = attrs.get("__cause__"), attrs.get("__context__")
    chained: list[str] = []
    if isinstance(cause, SimException) and id(cause) not in seen:
        chained = [*lines(program, cause, seen=seen | {id(exc)}), "\n",
                   "The above exception was the direct cause of the following exception:\n",
                   "\n"]
    elif (isinstance(context, SimException) and id(context) not in seen
          and not attrs.get("__suppress_context__", "__cause__" in attrs)):
        chained = [*lines(program, context, seen=seen | {id(exc)}), "\n",
                   "During handling of the above exception, another exception occurred:\n",
                   "\n"]
    frames = exc.tb if frames is None else frames
    if not frames:
        return [*chained, *only(exc)]
    return [*chained, "Traceback (most recent call last):\n", *_frames(program, frames),
            *only(exc)]


def only(exc: SimException) -> list[str]:
    """`traceback.format_exception_only(exc)`: its line, then a line per note it was given
    (`add_note`)."""
    notes = (exc.attrs or {}).get("__notes__") or []
    return [f"{exc}\n", *(f"{note}\n" for note in notes if isinstance(note, str))]


def thread_report(program: Program, name: str, exc: SimException) -> list[str]:
    """What `threading.excepthook` prints for `exc` ending thread `name` (`left_thread`)."""
    return [f"Exception in thread {name}:\n", *lines(program, exc)]


def _frames(program: Program, tb: tuple[Entry, ...]) -> list[str]:
    """The frames, a run of more than three identical ones cut short as CPython cuts it."""
    out: list[str] = []
    last: tuple[str, int] | None = None
    repeated = 0
    for _, code, pc in tb:
        if code is None:  # the CPython library's
            out.append(_LIBRARY[pc])
            continue
        name, line = code.name, code.instrs[pc].line
        if (name, line) == last:
            repeated += 1
            if repeated >= 3:
                continue
        else:
            out.extend(_repeated(repeated))
            last, repeated = (name, line), 0
        out.append(_frame(program, code, pc))
    out.extend(_repeated(repeated))
    return out


def _repeated(count: int) -> list[str]:
    if count < 3:
        return []
    more = count - 2
    return [f"  [Previous line repeated {more} more time{'s' if more > 1 else ''}]\n"]


def _frame(program: Program, code: Code, pc: int) -> str:
    line = code.instrs[pc].line
    head = f'  File "{program.filename}", line {line}, in {code.name}\n'
    if not 1 <= line <= len(program.lines) or not program.lines[line - 1].strip():
        return head
    text = program.lines[line - 1].rstrip()
    source = text.lstrip()
    shown = f"{head}    {source}\n"
    node = _node(program.source, code, pc)
    if node is None or node.end_lineno != line or node.end_col_offset is None:
        return shown
    dedent = len(text) - len(source)
    start, end = node.col_offset - dedent, node.end_col_offset - dedent
    anchors = _anchors(node, text, dedent)
    if not _show_carets(source, start, end, anchors):
        return shown
    carets = "".join(" " if i < start else
                     "^" if anchors is not None and anchors[0] <= i < anchors[1] else
                     "~" if anchors is not None else "^" for i in range(end))
    return f"{shown}    {carets}\n"


def _anchors(node: ast.expr | ast.stmt, text: str, dedent: int) -> tuple[int, int] | None:
    """Where `^` goes in a binary operation (its operator), a subscript or a call (the
    brackets and what is in them); the rest of it gets `~`."""
    end = node.end_col_offset
    if isinstance(node, ast.BinOp) and node.left.end_lineno == node.lineno:
        col = node.left.end_col_offset or 0
        while col < len(text) and (text[col].isspace() or text[col] == ")"):
            col += 1
        right = col + 1
        if (right < len(text) and right < node.right.col_offset
                and not text[right].isspace() and text[right] not in "\\#"):
            right += 1
        return col - dedent, right - dedent
    if isinstance(node, ast.Subscript | ast.Call) and end is not None:
        inner = node.value if isinstance(node, ast.Subscript) else node.func
        if inner.end_lineno != node.lineno:
            return None
        bracket = "[" if isinstance(node, ast.Subscript) else "("
        col = text.find(bracket, inner.end_col_offset or 0)
        return (col - dedent, end - dedent) if col >= 0 else None
    return None


def _show_carets(source: str, start: int, end: int, anchors: tuple[int, int] | None) -> bool:
    """3.13's `_should_show_carets` for one line: not under `return f(x)` or `x = f(y)`
    whose call is the whole rest of the line; under anchors; or under part of a line."""
    try:
        statement = ast.parse(source).body[0]
    except (SyntaxError, IndexError):
        statement = None
    value: ast.expr | None = None
    if isinstance(statement, ast.Return) and isinstance(statement.value, ast.Call) and (
            isinstance(statement.value.func, ast.Name)):
        value = statement.value
    elif isinstance(statement, ast.Assign) and isinstance(statement.value, ast.Call) and (
            len(statement.targets) == 1 and isinstance(statement.targets[0], ast.Name)):
        value = statement.value
    if value is not None and (value.col_offset, value.end_col_offset) == (start, end):
        return False
    return anchors is not None or bool(source[:start].strip() or source[end:].strip())


@lru_cache(maxsize=4)  # a server traces many programs: keep only the latest ones' trees
def _tree(source: str) -> dict[tuple[int, int], list[ast.expr | ast.stmt]]:
    """The program's syntax by where each node starts (line, column)."""
    starts: dict[tuple[int, int], list[ast.expr | ast.stmt]] = {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.expr | ast.stmt):
            starts.setdefault((node.lineno, node.col_offset), []).append(node)
    return starts


def _node(source: str, code: Code, pc: int) -> ast.expr | ast.stmt | None:
    """The expression or statement instruction `pc` of `code` was compiled from: of its op's
    kind where several start at its position (`f(x).y`), else the smallest. Of several of
    that kind (`d["a"]["b"]`), the inner ones' instructions come first."""
    ins = code.instrs[pc]
    found = _tree(source).get((ins.line, ins.col), [])
    if ins.op in _LOOPING and found:  # a loop's iterable, as CPython 3.13 places its
        loop = next((n for n in found if isinstance(n, ast.For)), None)  # iteration
        return found[0] if loop is None else loop.iter  # (a comprehension's: at its own)
    kinds = _NODES.get(ins.op)
    fitting = [n for n in found if kinds is not None and isinstance(n, kinds)]
    if not fitting:
        return found[-1] if found else None
    before = sum(1 for other in code.instrs[:pc]
                 if (other.line, other.col, other.op) == (ins.line, ins.col, ins.op))
    return fitting[max(0, len(fitting) - 1 - before)]



# -- the objects a program holds: `e.__traceback__`, its frames and their code ------------------

#: A library frame's place, read off its text (`_LIBRARY`): (file, line, function).
_PLACE = re.compile(r'  File "(.*)", line (\d+), in (\S+)\n')


def _place(filename: str, entry: Entry) -> tuple[str, int, str]:
    """Where an entry's frame is: (file, line, function)."""
    _, code, pc = entry
    if code is None:
        found = _PLACE.match(_LIBRARY[pc])
        assert found is not None
        return found[1], int(found[2]), found[3]
    return filename, code.instrs[pc].line, code.name


class TracebackValue(LibraryObject):
    """`e.__traceback__`, `sys.exc_info()[2]`: the frames `e` passed through when it was
    read, from the one that handled it in (`tb_frame`, `tb_lineno`) down to the one that
    raised it (`tb_next` … None). CPython's grows at the front as the exception goes on up;
    so does `exc.tb`, and one read earlier keeps the frames it had."""

    __slots__ = ("entries", "filename")
    ATTRIBUTES = frozenset({"tb_next", "tb_lineno", "tb_frame", "tb_lasti"})
    type_name = "traceback"

    def __init__(self, entries: tuple[Entry, ...], filename: str) -> None:
        self.entries = fresh(entries)
        self.filename = filename

    def __reduce__(self) -> tuple[Any, ...]:  # as formatting.Converted's: no dict on the way
        return TracebackValue, (self.entries, self.filename)

    def __repr__(self) -> str:
        return "<traceback object>"  # never a memory address, which differs by run

    def attribute(self, name: str) -> Any:
        if name == "tb_next":
            return traceback_value(self.entries[1:], self.filename)
        if name == "tb_frame":
            return FrameValue(*_place(self.filename, self.entries[0]))
        if name == "tb_lasti":  # CPython's is a bytecode offset: ours, an instruction's
            return 2 * self.entries[0][2]
        return _place(self.filename, self.entries[0])[1]


def fresh(entries: tuple[Entry, ...]) -> tuple[Entry, ...]:
    """Tuples of its own, none an exception's: a state split in parts copies tuples into
    each part, and one tuple held twice would read back as two (parts.py)."""
    return tuple((index, code, pc) for index, code, pc in entries)


def traceback_value(entries: tuple[Entry, ...], filename: str) -> TracebackValue | None:
    """The traceback of these frames, None for none (an exception never raised)."""
    return TracebackValue(entries, filename) if entries else None


class FrameValue(LibraryObject):
    """A traceback's `tb_frame`: where it was (`f_lineno`) and its code (`f_code`)."""

    __slots__ = ("filename", "line", "name")
    ATTRIBUTES = frozenset({"f_lineno", "f_code"})
    type_name = "frame"

    def __init__(self, filename: str, line: int, name: str) -> None:
        self.filename, self.line, self.name = filename, line, name

    def __reduce__(self) -> tuple[Any, ...]:
        return FrameValue, (self.filename, self.line, self.name)

    def __repr__(self) -> str:
        return f"<frame file '{self.filename}', line {self.line}, code {self.name}>"

    def attribute(self, name: str) -> Any:
        return self.line if name == "f_lineno" else CodeValue(self.filename, self.name)


class CodeValue(LibraryObject):
    """A frame's `f_code`: its function's name and file."""

    __slots__ = ("filename", "name")
    ATTRIBUTES = frozenset({"co_name", "co_qualname", "co_filename"})
    type_name = "code"

    def __init__(self, filename: str, name: str) -> None:
        self.filename, self.name = filename, name

    def __reduce__(self) -> tuple[Any, ...]:
        return CodeValue, (self.filename, self.name)

    def __repr__(self) -> str:
        return f'<code object {self.name}, file "{self.filename}">'

    def attribute(self, name: str) -> Any:
        return self.filename if name == "co_filename" else self.name


class FrameSummary(NamedTuple):
    """One frame of `traceback.extract_tb(tb)`: a tuple of (filename, lineno, name, line), as
    CPython's unpacks."""

    filename: str
    lineno: int
    name: str
    line: str

    def __repr__(self) -> str:
        return f"<FrameSummary file {self.filename}, line {self.lineno} in {self.name}>"


def summaries(program: Program, entries: tuple[Entry, ...]) -> list[FrameSummary]:
    """`traceback.extract_tb(tb)`: each frame's place and its line of source, stripped."""
    out = []
    for entry in entries:
        filename, line, name = _place(program.filename, entry)
        if entry[1] is None:
            text = _LIBRARY[entry[2]].splitlines()[1].strip()
        else:
            text = program.lines[line - 1].strip() if 1 <= line <= len(program.lines) else ""
        out.append(FrameSummary(filename, line, name, text))
    return out


def frame_lines(program: Program, entries: list[Entry]) -> list[str]:
    """`traceback.format_tb(tb)`: each frame's text, as a traceback shows it."""
    return _frames(program, tuple(entries))
