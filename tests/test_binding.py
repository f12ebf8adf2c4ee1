"""binding.py: a call's arguments meet a function's parameters as in CPython 3.13 (random
signatures and calls, run by the engine and by the `cpython_worker` fixture): the locals, or
the TypeError word for word, its "Did you mean" included."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.support.running import as_cpython_worker

Answer = Callable[[str], dict[str, Any]]

_NAMES = ["a", "b", "c", "d", "e"]


@st.composite
def signatures(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A `def f(...)` line, and the names it binds, in order."""
    names = draw(st.permutations(_NAMES))
    count = draw(st.integers(0, 5))
    positional, rest = names[:count], names[count:]
    posonly = draw(st.integers(0, len(positional)))
    defaults = draw(st.integers(0, len(positional)))
    kwonly = rest[:draw(st.integers(0, len(rest)))]
    varargs, varkw = draw(st.booleans()), draw(st.booleans())
    parts = [p + (f"={i}" if i >= len(positional) - defaults else "")
             for i, p in enumerate(positional)]
    if posonly:
        parts.insert(posonly, "/")
    if varargs:
        parts.append("*args")
    elif kwonly:
        parts.append("*")
    parts += [k + draw(st.sampled_from(["", "=-1"])) for k in kwonly]
    if varkw:
        parts.append("**kw")
    bound = [*positional, *kwonly, *(["args"] if varargs else []), *(["kw"] if varkw else [])]
    return f"def f({', '.join(parts)}):", bound


@settings(max_examples=80, deadline=None)
@given(signatures(), st.lists(st.integers(0, 9), max_size=6),
       st.lists(st.sampled_from([*_NAMES, "A", "bb", "x", "args"]), max_size=4, unique=True))
def test_a_call_binds_as_in_cpython(cpython_worker: Answer, signature,
                                    args, keywords):
    header, bound = signature
    call = ", ".join([*map(str, args), *(f"{k}={10 + i}" for i, k in enumerate(keywords))])
    source = (f"{header}\n    return [{', '.join(bound)}]\n"
              f"try:\n    print(f({call}))\nexcept TypeError as e:\n    print(e)\n")
    assert as_cpython_worker(source) == cpython_worker(source)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.text("abAB_", min_size=1, max_size=7).filter(str.isidentifier), min_size=1,
                max_size=4, unique=True),
       st.text("abAB_c", min_size=1, max_size=8).filter(str.isidentifier))
def test_a_misspelt_keyword_gets_cpythons_suggestion(cpython_worker: Answer, params, wrong):
    source = (f"def f(*, {', '.join(p + '=0' for p in params)}):\n    pass\n"
              f"try:\n    f({wrong}=1)\nexcept TypeError as e:\n    print(e)\n")
    assert as_cpython_worker(source) == cpython_worker(source)


@pytest.mark.parametrize("call", [
    "g(1, 2, b=3, a=4)", "g(1, 2, 3, b=5)", "g(1, 2, x=1, b=2)", "g(1, 2, c=3, c2=4)",
    "g(1, 2, 3, 4, 5)", "g(1, 2, 3, 4, 5, c=1)", "g(a=1)", "g(1, 2, 3, c=4, a=1)",
])
def test_the_first_error_is_cpythons(cpython_worker: Answer, call):
    source = ("def g(a, b, /, c=0, *, d=0):\n    return a, b, c, d\n"
              f"try:\n    print({call})\nexcept TypeError as e:\n    print(e)\n")
    assert as_cpython_worker(source) == cpython_worker(source)


@pytest.mark.parametrize("call", [
    "f(1, 2, 3, 4, x=1)", "f(1, 2, 3, c=1, d=2)", "f()", "f(d=1)", "f(1, a=2)",
    "f(1, 2, a_very_long_name_that_is_more_than_forty_characters_long_for_sure=1)",
    "f(1, 2, ccc=1)", "f(1, 2, C=1)", "f(1, b=2, **{'c': 3})",
])
def test_a_methods_messages_name_its_qualified_name(cpython_worker: Answer, call):
    source = ("class K:\n    def f(self, a, b=0, *, c, d=1):\n        return a, b, c, d\n"
              f"f = K().f\ntry:\n    print({call})\nexcept TypeError as e:\n    print(e)\n")
    assert as_cpython_worker(source) == cpython_worker(source)
