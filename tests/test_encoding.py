"""app/engine/encoding.py: `str.encode`, `bytes.decode` and `bytes.hex` as CPython 3.13 answers
(the `cpython_worker` fixture), with the codecs offered and the sizes bounded."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.support.running import as_cpython_worker, outcome

Answer = Callable[[str], dict[str, Any]]


@pytest.mark.parametrize("call", [
    "'caf\u00e9'.encode()", "'caf\u00e9'.encode('latin-1')", "'abc'.encode('ascii').hex()",
    "'\u00e9'.encode('ascii')", "'\u00e9'.encode('ascii', 'ignore')",
    "'\u00e9'.encode('ascii', errors='replace')", "'x'.encode('UTF_8')",
    "'h\u00e9'.encode().decode()", "'h\u00e9'.encode().decode('ascii')",
    "len('\U0001f600'.encode())", "'ab'.encode() + 'cd'.encode()", "'ab'.encode() * 3",
    "'ab'.encode()[1]", "'abc'.encode()[1:]", "list('ab'.encode())",
    "'a'.encode() == 'a'.encode()", "'a'.encode() < 'b'.encode()", "str('a'.encode())",
    "f\"{'a'.encode()!r}\"", "'a'.encode() + 'b'", "'x'.encode(5)",
    "sorted(['b'.encode(), 'a'.encode()])", "'a'.encode() in {'a'.encode(): 1}",
    "hash('a'.encode()) == hash('a'.encode())", "{'a'.encode()}",
])
def test_bytes_answer_as_cpython(cpython_worker: Answer, call):
    source = (f"try:\n    print(repr({call}))\n"
              f"except Exception as e:\n    print(type(e).__name__, e)\n")
    assert as_cpython_worker(source) == cpython_worker(source)


@pytest.mark.parametrize("source, says", [
    ("'x'.encode('punycode')", "not supported here"),
    ("'x'.encode('utf-8', 'xmlcharrefreplace')", "not supported here"),
    ("'%d'.encode() % 5", "not supported here"),
])
def test_what_is_not_offered_is_refused_in_words(source, says):
    done = outcome(f"{source}\n")
    assert done.errors and says in done.errors[0].message


def test_an_encoding_past_the_items_budget_is_a_limit():
    done = outcome("x = ('\U0001f600' * 300_000).encode()\n")
    assert done.kind == "limit" and "1,200,000 bytes" in done.reason
