"""Processes as Linux's /proc shows them: for the tests that check which processes a server or
a sandbox leaves behind."""

from __future__ import annotations

from pathlib import Path


def _stat(pid: int | str) -> list[str] | None:
    """The fields of /proc/PID/stat after the command's name (which may hold spaces), or None
    when the process is gone."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None


def parent(pid: int) -> int:
    """The process's parent (-1 when it is gone)."""
    fields = _stat(pid)
    return -1 if fields is None else int(fields[1])


def alive(pid: int) -> bool:
    """Whether the process runs (a zombie does not)."""
    fields = _stat(pid)
    return fields is not None and fields[0] != "Z"


def children() -> dict[int, list[int]]:
    """Every process's children, by its pid."""
    found: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (fields := _stat(entry.name)) is not None:
            found.setdefault(int(fields[1]), []).append(int(entry.name))
    return found


def descendants(pid: int) -> list[int]:
    """The process's children, theirs, and so on."""
    tree = children()
    found, todo = [], [pid]
    while todo:
        for child in tree.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found
