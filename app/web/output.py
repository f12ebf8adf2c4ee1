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
from typing import NamedTuple

from ..engine import Machine

#: Lines the pane shows at most: the last ones (the pane says how many came before).
MAX_LINES = 300


class Writers(NamedTuple):
    """(step index, thread id) of each text in `Machine.output` and in `Machine.errput`."""

    out: tuple[tuple[int, int], ...] = ()
    err: tuple[tuple[int, int], ...] = ()

    def add(self, m: Machine, index: int, tid: int) -> Writers:
        """These writers after step `index`, taken by thread `tid`, on machine `m`."""
        out, err = len(m.output) - len(self.out), len(m.errput) - len(self.err)
        if not out and not err:
            return self
        return Writers(self.out + ((index, tid),) * out, self.err + ((index, tid),) * err)


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


def printed(m: Machine, writers: Writers, last: int) -> Printed:
    """The lines `m` has printed, in the order written; `last` is the index of the step shown
    (its lines are marked new)."""
    texts: list[tuple[str, str, int, int]] = []  # stream, text, step, thread id
    main = (-1, 0)  # a text no step wrote: the module's set-up, MainThread's
    at = 0
    for n, (position, text) in enumerate(m.errput):
        for i in range(at, position):
            texts.append(("stdout", m.output[i], *_writer(writers.out, i, main)))
        at = max(at, position)
        texts.append(("stderr", text, *_writer(writers.err, n, main)))
    for i in range(at, len(m.output)):
        texts.append(("stdout", m.output[i], *_writer(writers.out, i, main)))
    lines = _lines(texts, m, last)
    shown = lines[-MAX_LINES:]
    return Printed(tuple(shown), len(lines) - len(shown))


def _writer(owners: tuple[tuple[int, int], ...], i: int, default: tuple[int, int]
            ) -> tuple[int, int]:
    return owners[i] if i < len(owners) else default


def _lines(texts: list[tuple[str, str, int, int]], m: Machine, last: int) -> list[Line]:
    """Texts cut into lines; a stream's partial line ends where the other stream writes, as
    `Machine.transcript` cuts them."""
    lines: list[Line] = []
    stream, parts, tids, new = "", [], [], False

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
