"""How a call's arguments meet a user function's parameters: positional-only, positional or
keyword, `*args`, keyword-only, `**kwargs` and defaults, with CPython 3.13's TypeErrors word
for word (its "Did you mean" for a misspelt keyword included), so a program that catches one
prints what CPython prints."""

from __future__ import annotations

import sys
from typing import Any

from .values import Function, fail

#: CPython's edit costs for suggestions (Python/suggestions.c): a change of case costs less
#: than any other edit.
_MOVE_COST = 2
_CASE_COST = 1
_MAX_NAME = 40


def bind_params(fn: Function, args: list[Any], kwargs: dict[str, Any]) -> dict[str, Any]:
    """The new frame's locals for `fn(*args, **kwargs)`. The errors come in CPython's order
    (`initialize_locals` in Python/ceval.c): the keywords one by one, then too many
    positional arguments, then the missing ones."""
    code = fn.code
    params, name = code.params, code.qualname or code.name
    kw_with_defaults = len(code.kwdefaults)
    defaults = fn.defaults[:len(fn.defaults) - kw_with_defaults]
    local_vars: dict[str, Any] = dict(zip(params, args, strict=False))
    if code.varargs is not None:
        local_vars[code.varargs] = tuple(args[len(params):])
    extra: dict[str, Any] = {}
    posonly = params[:code.posonly]
    keywords = (*params[code.posonly:], *code.kwonly)
    for key, value in kwargs.items():
        if key not in keywords:
            if code.varkw is None:
                raise _unexpected(name, key, posonly, keywords, kwargs)
            extra[key] = value
        elif key in local_vars:
            raise fail("TypeError", f"{name}() got multiple values for argument '{key}'")
        else:
            local_vars[key] = value
    if len(args) > len(params) and code.varargs is None:
        _too_many(name, len(params), len(defaults), len(args),
                  sum(k in code.kwonly for k in kwargs))
    if code.varkw is not None:
        local_vars[code.varkw] = extra
    first_default = len(params) - len(defaults)
    missing = []
    for i, param in enumerate(params):
        if param not in local_vars:
            if i >= first_default:
                local_vars[param] = defaults[i - first_default]
            else:
                missing.append(param)
    if missing:
        raise _missing(name, missing, "positional")
    kw_defaults = dict(zip(code.kwdefaults, fn.defaults[len(defaults):], strict=True))
    for param in code.kwonly:
        if param not in local_vars and param in kw_defaults:
            local_vars[param] = kw_defaults[param]
    missing = [p for p in code.kwonly if p not in local_vars]
    if missing:
        raise _missing(name, missing, "keyword-only")
    return local_vars


def _unexpected(name: str, key: str, posonly: tuple[str, ...], keywords: tuple[str, ...],
                kwargs: dict[str, Any]) -> Exception:
    """The error for keyword `key`, which no parameter takes: CPython names every
    positional-only parameter passed by keyword first, in the parameters' order."""
    passed_posonly = [p for p in posonly if p in kwargs]
    if passed_posonly:
        return fail("TypeError", f"{name}() got some positional-only arguments passed as "
                                 f"keyword arguments: '{', '.join(passed_posonly)}'")
    return fail("TypeError", f"{name}() got an unexpected keyword argument "
                             f"'{key}'{_did_you_mean(key, keywords)}")


def _too_many(name: str, params: int, defaults: int, given: int, kwonly_given: int) -> None:
    takes = f"from {params - defaults} to {params}" if defaults else str(params)
    word = "positional argument" if takes == "1" else "positional arguments"
    if kwonly_given:
        also = (f" positional argument{'' if given == 1 else 's'} (and {kwonly_given} "
                f"keyword-only argument{'' if kwonly_given == 1 else 's'})")
        raise fail("TypeError", f"{name}() takes {takes} {word} but {given}{also} were given")
    was = "was" if given == 1 else "were"
    raise fail("TypeError", f"{name}() takes {takes} {word} but {given} {was} given")


def _missing(name: str, missing: list[str], kind: str) -> Exception:
    quoted = [f"'{p}'" for p in missing]
    if len(quoted) == 1:
        listed = quoted[0]
    elif len(quoted) == 2:
        listed = f"{quoted[0]} and {quoted[1]}"
    else:
        listed = ", ".join(quoted[:-1]) + f", and {quoted[-1]}"
    count = len(missing)
    word = "argument" if count == 1 else "arguments"
    return fail("TypeError", f"{name}() missing {count} required {kind} {word}: {listed}")


def _did_you_mean(wrong: str, candidates: tuple[str, ...]) -> str:
    """CPython's suggestion for a misspelt name: the closest candidate within a third of
    the characters involved, if any."""
    if len(wrong) > _MAX_NAME:
        return ""
    best, found = sys.maxsize, ""
    for candidate in candidates:
        if candidate == wrong:
            continue
        limit = min((len(candidate) + len(wrong) + 3) * _MOVE_COST // 6, best - 1)
        distance = _distance(wrong, candidate, limit)
        if distance <= limit and (not found or distance < best):
            best, found = distance, candidate
    return f". Did you mean '{found}'?" if found else ""


def _distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance with CPython's costs, or more than `limit` once it is clear the
    distance is over it."""
    if a == b:
        return 0
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    a, b = a[start:], b[start:]
    while a and b and a[-1] == b[-1]:
        a, b = a[:-1], b[:-1]
    if not a or not b:
        return _MOVE_COST * (len(a) + len(b))
    if len(a) > _MAX_NAME or len(b) > _MAX_NAME:
        return limit + 1
    if len(b) < len(a):
        a, b = b, a
    if (len(b) - len(a)) * _MOVE_COST > limit:
        return limit + 1
    row = list(range(_MOVE_COST, _MOVE_COST * (len(a) + 1), _MOVE_COST))
    result = 0
    for b_index, b_char in enumerate(b):
        distance = result = b_index * _MOVE_COST
        lowest = None
        for index, a_char in enumerate(a):
            cost = 0 if a_char == b_char else (
                _CASE_COST if a_char.lower() == b_char.lower() else _MOVE_COST)
            substitute = distance + cost
            distance = row[index]
            result = min(min(result, distance) + _MOVE_COST, substitute)
            row[index] = result
            lowest = result if lowest is None else min(lowest, result)
        if lowest is not None and lowest > limit:
            return limit + 1
    return result
