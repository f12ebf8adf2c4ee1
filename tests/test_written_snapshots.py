"""The library's newer objects (stdlib/dispatch.py, weakref.py, json's encoder, string's
Formatter, argparse's parser, logging.config's configuration) survive the snapshots the
explorer takes between two steps: every state of a small two-thread program reads back."""

from __future__ import annotations

from app.engine import compile_program, explore

SOURCE = """
import argparse, functools, json, logging, logging.config, string, threading, weakref
class Box:
    pass
@functools.singledispatch
def show(x):
    return "thing"
@show.register
def _(x: int):
    return "int"
box = Box()
cache = weakref.WeakValueDictionary({"b": box})
logging.config.dictConfig({"version": 1, "root": {"level": "INFO"}})
parser = argparse.ArgumentParser(prog="p")
parser.add_subparsers(dest="cmd").add_parser("go")
class Enc(json.JSONEncoder):
    def default(self, o):
        return show(o)
fmt = string.Formatter()
seen = []
def work():
    seen.append(json.dumps([box, 1], cls=Enc) + fmt.format("{}", len(cache)))
t = threading.Thread(target=work)
t.start()
seen.append(show(2))
t.join()
print(sorted(seen), parser.parse_args(["go"]).cmd)
"""


def test_every_state_of_a_program_using_them_reads_back():
    result = explore(compile_program(SOURCE), max_seconds=20)
    assert result.complete
    assert {found.outcome.output for found in result.outcomes} == {
        ("['[\"thing\", 1]1', 'int'] go",)}
