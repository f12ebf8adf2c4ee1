"""Predict, then reveal: before exploring, the learner ticks the final values (or the ways a
run can end) they think possible; the explorer's result then says which they missed and which
cannot happen. All of it lives in the page's address (`explore=1`, `reveal=1`, `predict=…`
once per value), so Back, a reload or a shared link shows the same result and the same
reveal, with no session on the server.
"""

from __future__ import annotations

import ast
from typing import Any
from urllib.parse import urlencode

from fastapi import Request

#: Names a goal may use that are not the program's variables (app/engine/goal.py).
_NOT_VARIABLES = {"deadlock", "done", "errors", "output", "at", "len", "min", "max", "sum",
                  "abs", "any", "all"}
#: The most candidate values a prediction offers as checkboxes.
_MAX_CANDIDATES = 12
#: How a run can end, for predictions about programs with no number to predict.
ENDINGS = ("finishes", "raises an exception", "deadlocks", "runs forever")
#: The page's own parameters for exploring, not its simulator's state.
_OWN = ("explore", "reveal", "predict", "advance", "wait")


def goal_variable(goal: str) -> str | None:
    """The first of the program's variables a goal names (`counter` in `counter < 4`)."""
    try:
        tree = ast.parse(goal, mode="eval")
    except SyntaxError:
        return None
    names = [n for n in ast.walk(tree) if isinstance(n, ast.Name)]
    return next((n.id for n in names if n.id not in _NOT_VARIABLES), None)


def candidates(goal: str) -> tuple[str, ...]:
    """Values a learner may predict for the goal's variable, without giving away which are
    possible: 0 to one past the number the goal compares it with (`counter < 4`: 0 to 5).
    Empty when the goal compares it with no small whole number."""
    try:
        tree = ast.parse(goal, mode="eval")
    except SyntaxError:
        return ()
    numbers = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant)
               and type(n.value) is int and 0 <= n.value < _MAX_CANDIDATES - 1]
    if goal_variable(goal) is None or not numbers:
        return ()
    return tuple(str(v) for v in range(max(numbers) + 2))


def predictions(request: Request) -> list[str] | None:
    """The learner's predictions, or None when they made none (`reveal` marks a prediction,
    even of nothing)."""
    query = request.query_params
    if query.get("reveal") != "1":
        return None
    return [v.strip()[:40] for v in query.getlist("predict")[:_MAX_CANDIDATES * 2]]


def exploring(request: Request, context: dict[str, Any], goal: str) -> dict[str, Any]:
    """The simulator page's explorer part: whether its address asks for the exploration
    (it then loads as the page does), the prediction form, and the addresses to push."""
    predicted = predictions(request)
    values = candidates(goal)
    ask = [("reveal", "1"), *(("predict", v) for v in predicted)] if predicted is not None else []
    state = [(k, v) for k, v in request.query_params.multi_items() if k not in _OWN]
    state = [(k, v) for k, v in state if k not in ("schedule", "at")] + [
        ("schedule", context["view"].schedule), ("at", str(context["view"].at))]
    page = context["link"]().split("?")[0]  # the canonical path (`race-counter`, not `_`)
    return {
        "open": request.query_params.get("explore") == "1",
        "predicted": predicted,
        "choices": values or ENDINGS,
        "subject": (f"Which final values of {goal_variable(goal)} are possible?" if values
                    else "How can the run end?"),
        "url": context["explore_url"] + ("&" + urlencode(ask) if ask else ""),
        "page_url": f"{page}?{urlencode([*state, ('explore', '1'), *ask])}",
        "hidden": [(k, v) for k, v in state if k != "v"],
        "action": page,
    }
