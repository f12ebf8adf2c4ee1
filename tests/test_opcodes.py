"""The opcode table: every instruction the compiler makes is declared there, once."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.engine import compile_program
from app.engine.code import Instr
from app.engine.opcodes import BLIND, OPS, PLAIN, SHARED_ARITHMETIC, TABLE

ENGINE = Path(__file__).resolve().parents[1] / "app" / "engine"


def test_each_op_is_declared_once():
    assert len(OPS) == len(TABLE)


def test_every_op_the_engine_names_is_declared():
    named = {m for path in ENGINE.rglob("*.py")
             for m in re.findall(r'Instr\("([A-Z_0-9]+)"[,)]', path.read_text())}
    assert named and named <= set(OPS), named - set(OPS)


def test_an_undeclared_op_is_refused():
    with pytest.raises(ValueError, match="not declared"):
        Instr("NOPE", None, 1, 0, lambda m, th: None)


def test_the_categories_the_explorer_reads():
    assert {"READ", "WRITE"} <= PLAIN and SHARED_ARITHMETIC == {"COMPUTE": 2, "COMPUTE_CONST": 1}
    assert "LOAD_LOCAL" in BLIND and "CALL" not in BLIND


def test_a_program_compiles_to_declared_ops():
    program = compile_program(
        "import threading\ncounter = 0\ndef work(n):\n    global counter\n"
        "    for i in range(n):\n        counter += i\n    return [x * 2 for x in range(n)]\n"
        "threading.Thread(target=work, args=(3,)).start()\n")
    assert all(ins.op in OPS for ins in program.module.instrs)
