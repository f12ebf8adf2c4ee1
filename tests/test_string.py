"""stdlib/string.py: the `string` module's constants are CPython's."""

from __future__ import annotations

import string

import pytest

from app.engine.stdlib.string import TABLE
from tests.support.running import as_cpython_worker


@pytest.mark.parametrize("name", sorted(TABLE))
def test_each_constant_is_pythons(name):
    assert TABLE[name] == getattr(string, name)


def test_the_module_names_cpythons_constants():
    assert set(TABLE) >= {"ascii_letters", "ascii_lowercase", "ascii_uppercase", "digits",
                          "hexdigits", "octdigits", "punctuation", "printable", "whitespace"}


def test_a_program_reads_them(cpython_worker):
    source = ("import string\nprint(string.ascii_letters, string.digits, len(string.printable),"
              " repr(string.whitespace), string.punctuation)\n")
    assert as_cpython_worker(source) == cpython_worker(source)
