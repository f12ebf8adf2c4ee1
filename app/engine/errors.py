"""The engine's own errors: what a caller can get back besides a result."""

from __future__ import annotations


class InterleaveError(Exception):
    """Base of every error the engine reports on purpose."""


class CompileError(InterleaveError):
    """The program is outside the supported subset, or not Python at all.

    Carries the position so that editors can point at it, and a hint that names what is supported.
    """

    def __init__(self, message: str, line: int, col: int, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.col = col
        self.hint = hint

    def __str__(self) -> str:
        text = f"line {self.line}, column {self.col}: {self.message}"
        return f"{text}\n  hint: {self.hint}" if self.hint else text

    def __reduce__(self) -> tuple[type, tuple[str, int, int, str]]:
        # Sent from the process that compiled the program to the one that answers.
        return CompileError, (self.message, self.line, self.col, self.hint)

    def to_dict(self) -> dict[str, object]:
        return {"message": self.message, "line": self.line, "col": self.col, "hint": self.hint}


class ScheduleError(InterleaveError):
    """A schedule string is malformed, or names a thread that cannot move at that step."""


class BudgetError(InterleaveError):
    """A configured budget (source size, threads, integer size, …) was exceeded."""
