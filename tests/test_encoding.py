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
    "bytes()", "bytes(3)", "bytes(range(5))", "bytes('caf\u00e9', 'utf-8')", "bytes([65, 66])",
    "bytes(b'xy')", "bytes(x for x in (1, 2))", "bytes('x')", "bytes(-1)", "bytes([256])",
    "bytes(['a'])", "bytes(1.5)", "bytes(3, 'utf-8')", "bytes(None)",
    "isinstance(b'', bytes)", "isinstance('', bytes)", "type(b'') is bytes", "bytes",
    "bytes.fromhex('48 65')", "b'a-b'.partition(b'-')", "b'Ab'.swapcase().title()",
    "b'hello world'.replace(b'o', b'0', 1)", "b', '.join([b'a', b'b'])", "b'7'.zfill(3)",
    "b'ab'.center(6, b'*')", "b'x'.replace('x', 'y')",
])
def test_bytes_answer_as_cpython(cpython_worker: Answer, call):
    source = (f"try:\n    print(repr({call}))\n"
              f"except Exception as e:\n    print(type(e).__name__, e)\n")
    assert as_cpython_worker(source) == cpython_worker(source)


@pytest.mark.parametrize("call", [
    "b'hello \\x00\\xff'", "len(b'abc')", "b'caf\\xc3\\xa9'.decode()", "b''", "bool(b'')",
    "b'a' + b'b'", "b'ab'[0]", "b'\\'\"'", "rb'\\d'", "b'ab' == 'ab'.encode()",
    "b'a,b'.split(b',')", "b' Ab '.strip().upper()", "b'abc'.startswith(b'a')",
    "b'abca'.count(b'a')", "b'x'.hex()", "type(b'').__name__", "str(b'q')",
])
def test_a_bytes_literal_answers_as_cpython(cpython_worker: Answer, call):
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


@pytest.mark.parametrize("source", [
    "print(len(bytes(10 ** 9)))", "x = (b'a' * 1000).replace(b'a', b'b' * 10 ** 6)",
    "x = b'-'.join([b'a' * 600_000, b'b' * 600_000])", "x = b'a'.ljust(10 ** 9)"])
def test_bytes_past_the_items_budget_is_a_limit(source):
    assert outcome(source + "\n").kind == "limit"


def test_an_encoding_past_the_items_budget_is_a_limit():
    done = outcome("x = ('\U0001f600' * 300_000).encode()\n")
    assert done.kind == "limit" and "1,200,000 bytes" in done.reason


def test_a_loop_over_bytes_takes_ints_as_cpython(cpython_worker: Answer):
    source = ("t = 0\nfor b in 'caf\u00e9'.encode():\n    t = t * 3 + b\n"
              "print(t, type(iter(b'')).__name__)\n")
    assert as_cpython_worker(source) == cpython_worker(source)
