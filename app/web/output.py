"""The output pane: what the program has printed by the step shown, line by line, each line
tagged with the thread that printed it.

The machine keeps its output as the texts each write made (`Machine.output`, and `errput`
for stderr), not who wrote them. A thread writes only inside its own step (print and
logging calls are steps), so the replay notes, after each step, how many texts the step
added and which thread took it: `Writers`. A line made of texts from several threads
(`print(x, end="")` interleaved) is tagged with each of them.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..engine import Machine

#: Lines the pane shows at most: the last ones (the pane says how many came before).
MAX_LINES = 300


class Writers:
    """Who wrote the machine's output: after step `step`, taken by thread `tid`, the machine
    held `out` texts in `Machine.output` and `err` in `Machine.errput`. A link per step that
    wrote, back to the one before (`prev`), so a replay adds a step's writers in constant
    time however much was printed before, and a kept prefix shares its writers with every
    replay stepped on from it."""

    __slots__ = ("prev", "step", "tid", "out", "err")

    def __init__(self, prev: Writers | None = None, step: int = -1, tid: int = 0,
                 out: int = 0, err: int = 0) -> None:
        self.prev, self.step, self.tid, self.out, self.err = prev, step, tid, out, err

    def add(self, m: Machine, index: int, tid: int) -> Writers:
        """These writers after step `index`, taken by thread `tid`, on machine `m`."""
        if len(m.output) == self.out and len(m.errput) == self.err:
            return self
        return Writers(self, index, tid, len(m.output), len(m.errput))

    def entries(self) -> list[tuple[int, int, int, int]]:
        """(step, thread id, texts in output, texts in errput) for each step that wrote, in
        order."""
        found = []
        link: Writers | None = self
        while link is not None and link.prev is not None:
            found.append((link.step, link.tid, link.out, link.err))
            link = link.prev
        return found[::-1]

    def owners(self) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """(step, thread id) of each text in `Machine.output`, and of each in `errput`."""
        out: list[tuple[int, int]] = []
        err: list[tuple[int, int]] = []
        for step, tid, outs, errs in self.entries():
            out += [(step, tid)] * (outs - len(out))
            err += [(step, tid)] * (errs - len(err))
        return out, err


@dataclass(frozen=True)
class Line:
    stream: str  # "stdout" or "stderr"
    text: str
    threads: tuple[str, ...]  # who printed it, in order
    new: bool  # (part of it) printed by the step shown


@dataclass(frozen=True)
class Printed:
    lines: tuple[Line, ...]
    earlier: int  # lines before the first one shown

    @property
    def count(self) -> int:
        """Every line printed so far, shown or not."""
        return len(self.lines) + self.earlier


def printed(m: Machine, writers: Writers, last: int) -> Printed:
    """The lines `m` has printed, in the order written; `last` is the index of the step shown
    (its lines are marked new)."""
    texts: list[tuple[str, str, int, int]] = []  # stream, text, step, thread id
    main = (-1, 0)  # a text no step wrote: the module's set-up, MainThread's
    outs, errs = writers.owners()
    at = 0
    for n, (position, text) in enumerate(m.errput):
        for i in range(at, position):
            texts.append(("stdout", m.output[i], *_writer(outs, i, main)))
        at = max(at, position)
        texts.append(("stderr", text, *_writer(errs, n, main)))
    for i in range(at, len(m.output)):
        texts.append(("stdout", m.output[i], *_writer(outs, i, main)))
    lines = _lines(texts, m, last)
    shown = lines[-MAX_LINES:]
    return Printed(tuple(shown), len(lines) - len(shown))


def _writer(owners: list[tuple[int, int]], i: int, default: tuple[int, int]
            ) -> tuple[int, int]:
    return owners[i] if i < len(owners) else default


def _lines(texts: list[tuple[str, str, int, int]], m: Machine, last: int) -> list[Line]:
    """Texts cut into lines; a stream's partial line ends where the other stream writes, as
    `Machine.transcript` cuts them."""
    lines: list[Line] = []
    stream, new = "", False
    parts: list[str] = []
    tids: list[int] = []

    def close() -> None:
        names = tuple(m.threads[t].name for t in dict.fromkeys(tids))
        lines.append(Line(stream, "".join(parts), names, new))

    for where, text, index, tid in texts:
        if where != stream and parts:
            close()
            parts, tids, new = [], [], False
        stream = where
        pieces = text.split("\n")
        for k, piece in enumerate(pieces):
            if k:  # a newline ended the line before this piece
                close()
                parts, tids, new = [], [], False
            if piece or (k == 0 and len(pieces) > 1):
                parts.append(piece)
                tids.append(tid)
                new = new or index == last
    if parts and "".join(parts):
        close()
    return lines
