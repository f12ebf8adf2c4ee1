"""stdlib/secrets.py: tokens from a generator of the machine's own (the same in every run,
leaving the `random` module's numbers as CPython's), with CPython 3.13's shapes and errors
(the `cpython_worker` fixture)."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

import pytest

from tests.support.running import as_cpython_worker, outcome

Answer = Callable[[str], dict[str, Any]]


@pytest.mark.parametrize("call", [
    "len(secrets.token_hex())", "len(secrets.token_hex(4))", "len(secrets.token_bytes(5))",
    "type(secrets.token_bytes()).__name__", "len(secrets.token_urlsafe(9))",
    "secrets.token_hex(-1)", "secrets.token_hex('x')", "secrets.randbelow(0)",
    "0 <= secrets.randbelow(7) < 7", "secrets.choice([])", "secrets.choice('a')",
    "secrets.randbits(3) < 8", "secrets.compare_digest('a', 'a')",
    "secrets.compare_digest('a', 5)", "secrets.compare_digest('\u00e9', '\u00e9')",
    "secrets.DEFAULT_ENTROPY",
])
def test_secrets_answer_as_cpython(cpython_worker: Answer, call):
    source = (f"import secrets\ntry:\n    print(repr({call}))\n"
              f"except Exception as e:\n    print(type(e).__name__, e)\n")
    assert as_cpython_worker(source) == cpython_worker(source)


def test_tokens_are_the_same_in_every_run_and_leave_random_alone():
    source = ("import random, secrets\nrandom.seed(3)\n"
              "print(secrets.token_hex(8), random.random())\n")
    first = outcome(source).output
    assert first == outcome(source).output
    assert first[0].endswith(str(random.Random(3).random()))


def test_a_token_past_the_integer_budget_is_a_limit():
    done = outcome("import secrets\nsecrets.token_hex(10**6)\n")
    assert done.kind == "limit"
