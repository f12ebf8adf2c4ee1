"""code.py: a compiled function's `Code` describes its signature as CPython's own code object
for the same `def` does (the host compiles it; nothing is run), and an instruction must be an
op declared in opcodes.py."""

from __future__ import annotations

import inspect

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.engine import Explicit, compile_program, run
from app.engine.code import Instr
from app.engine.opcodes import OPS

_NAMES = ["a", "b", "c", "d", "e"]


@st.composite
def defs(draw: st.DrawFn) -> str:
    names = draw(st.permutations(_NAMES))
    count = draw(st.integers(0, 5))
    positional, rest = names[:count], names[count:]
    defaults = draw(st.integers(0, len(positional)))
    parts = [p + ("=0" if i >= len(positional) - defaults else "")
             for i, p in enumerate(positional)]
    posonly = draw(st.integers(0, len(positional)))
    if posonly:
        parts.insert(posonly, "/")
    kwonly = rest[:draw(st.integers(0, len(rest)))]
    if draw(st.booleans()):
        parts.append("*args")
    elif kwonly:
        parts.append("*")
    parts += [k + draw(st.sampled_from(["", "=1"])) for k in kwonly]
    if draw(st.booleans()):
        parts.append("**kw")
    body = draw(st.sampled_from(["pass", "yield 1", "return 1", "x = yield"]))
    return f"def f({', '.join(parts)}):\n    {body}\n"


@settings(max_examples=100, deadline=None)
@given(defs())
def test_a_functions_code_is_its_signature_as_cpython_compiles_it(source):
    namespace: dict[str, object] = {}
    exec(compile(source, "<def>", "exec"), namespace)  # only defines f: its body never runs
    real = namespace["f"]
    ours = run(compile_program(source), Explicit("")).machine.globals["f"].code
    signature = inspect.signature(real)  # type: ignore[arg-type]
    kinds = {p.name: p.kind for p in signature.parameters.values()}
    P = inspect.Parameter
    assert ours.params == tuple(n for n, k in kinds.items()
                                if k in (P.POSITIONAL_ONLY, P.POSITIONAL_OR_KEYWORD))
    assert ours.posonly == sum(k == P.POSITIONAL_ONLY for k in kinds.values())
    assert ours.kwonly == tuple(n for n, k in kinds.items() if k == P.KEYWORD_ONLY)
    assert ours.kwdefaults == tuple(n for n, p in signature.parameters.items()
                                    if p.kind == P.KEYWORD_ONLY and p.default is not P.empty)
    assert ours.varargs == next((n for n, k in kinds.items() if k == P.VAR_POSITIONAL), None)
    assert ours.varkw == next((n for n, k in kinds.items() if k == P.VAR_KEYWORD), None)
    assert ours.generator == inspect.isgeneratorfunction(real)
    assert (ours.qualname, ours.first_line) == (real.__qualname__,  # type: ignore[attr-defined]
                                                real.__code__.co_firstlineno)  # type: ignore[attr-defined]


def test_a_nested_functions_qualified_name_is_cpythons():
    source = ("class K:\n    def m(self):\n        def inner():\n            return lambda: 0\n"
              "        return inner\nf = K().m()\ng = f()\n")
    machine = run(compile_program(source), Explicit("")).machine
    assert machine.globals["f"].code.qualname == "K.m.<locals>.inner"
    assert machine.globals["g"].code.qualname == "K.m.<locals>.inner.<locals>.<lambda>"
    assert machine.globals["f"].code.last_line == 4


def test_an_instruction_must_be_a_declared_op():
    with pytest.raises(ValueError, match="NOPE is not declared in opcodes.py"):
        Instr("NOPE", None, 1, 0, lambda m, th: None)
    op = next(iter(OPS))
    assert repr(Instr(op, "x", 7, 0, lambda m, th: None)) == f"   7 {op} 'x'"
    assert repr(Instr(op, None, 12, 0, lambda m, th: None)) == f"  12 {op}"
