"""Walking a program's states in parts, each step checked against a replay from scratch: a
helper for the tests of parts and of what the explorer splits into them."""

from __future__ import annotations

import io
import pickle
from collections import deque
from typing import Any

from app.engine import Explicit, encode, run
from app.engine.machine import Machine
from app.engine.parts import Blown, Parts
from app.engine.program import Program
from app.engine.snapshot import Pickler, contents


class _Canonical(Pickler):
    """Writes every string out in full: two states that differ only in which strings are
    one object (which pickle's memo shows) are the same state to a program."""

    def persistent_id(self, obj: Any) -> Any:
        return obj.encode("utf-8", "surrogatepass") if type(obj) is str else None


def canonical(m: Machine) -> bytes:
    buffer = io.BytesIO()
    _Canonical(buffer, pickle.HIGHEST_PROTOCOL).dump(contents(m))
    return buffer.getvalue()


def walk(program: Program, limit: int = 1500) -> list[tuple[int, ...]]:
    """Breadth-first through the states, checking each step against a replay from scratch:
    the state a step lands in must be the machine its schedule gives (the same parts, or
    parts that differ only in which equal strings are one object). Returns the parts of
    every state reached."""
    parts: Parts[str] = Parts(run(program, Explicit(""), record=False).machine,
                              lambda m, th, table: th.name)
    first = parts.split(parts.like)
    paths = {first: []}
    queue = deque([first])
    while queue and len(paths) < limit:
        state = queue.popleft()
        m, _ = parts.join(state)
        moves = parts.expand(state)
        assert [(tid, name) for tid, name, _ in moves] == [
            (tid, m.threads[tid].name) for tid in m.enabled()]
        for tid, _, after in moves:
            if isinstance(after, Blown):
                continue
            path = [*paths[state], tid]
            replayed = run(program, Explicit(encode(path)), record=False).machine
            if parts.split(replayed) != after:
                assert canonical(parts.join(after)[0]) == canonical(replayed), encode(path)
            if after not in paths:
                paths[after] = path
                queue.append(after)
    return [parts.parts(state) for state in paths]
