"""stdlib/string.py: the `string` module's constants are CPython's; `Template` is compared
with CPython in tests/programs/libs_features/string_template.py."""

from __future__ import annotations

import string

import pytest

from app.engine.stdlib.string import TABLE
from tests.support.running import as_cpython_worker


@pytest.mark.parametrize("name", sorted(set(TABLE) - {"Template", "Formatter", "capwords"}))
def test_each_constant_is_pythons(name):
    assert TABLE[name] == getattr(string, name)


def test_the_module_names_cpythons_constants():
    assert set(TABLE) >= {"ascii_letters", "ascii_lowercase", "ascii_uppercase", "digits",
                          "hexdigits", "octdigits", "punctuation", "printable", "whitespace"}


def test_a_program_reads_them(cpython_worker):
    source = ("import string\nprint(string.ascii_letters, string.digits, len(string.printable),"
              " repr(string.whitespace), string.punctuation)\n")
    assert as_cpython_worker(source) == cpython_worker(source)


def test_a_template_fills_what_cpython_fills(cpython_worker):
    source = ("from string import Template\n"
              "t = Template('$who likes ${what}s, $$1 each, $who')\n"
              "print(t.substitute(who='tim', what='kung pao'))\n"
              "print(t.safe_substitute({'who': 'ann'}, what=[1]))\n"
              "for bad in ('$', 'a $1'):\n"
              "    try:\n"
              "        Template(bad).substitute()\n"
              "    except ValueError as e:\n"
              "        print(e)\n")
    assert as_cpython_worker(source) == cpython_worker(source)


def test_a_formatter_and_a_class_derived_from_it_format_as_cpythons(cpython_worker):
    source = """
import string
f = string.Formatter()
print(f.format("{0} and {name}", 1, name="x"), list(f.parse("a{b!r:>{w}}c")))
print(f.format("{} {} {:>6.2f}", "a", "b", 3.14159),
      f.vformat("{x[0]}-{y.template}", (), {"x": [9], "y": string.Template("t")}))
class Upper(string.Formatter):
    def format_field(self, value, spec):
        if isinstance(value, str):
            return value.upper()
        return super().format_field(value, spec)
    def get_value(self, key, args, kwargs):
        if isinstance(key, str) and key not in kwargs:
            return f"<{key}?>"
        return super().get_value(key, args, kwargs)
u = Upper()
print(u.format("{greeting}, {who}! {n:03d}", greeting="hello", n=7))
for bad in ["{0}{}", "{!x}", "{:{:{}}}"]:
    try:
        f.format(bad, 1, 2, 3)
    except ValueError as e:
        print("ValueError:", e)
try:
    f.format("{missing}")
except KeyError as e:
    print("KeyError:", e)
"""
    assert as_cpython_worker(source) == cpython_worker(source)
