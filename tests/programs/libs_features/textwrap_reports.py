import textwrap
from textwrap import dedent, indent, wrap, fill, shorten
import threading

doc = """
    Workers pull jobs from a shared queue.
      Each job is processed once.
    Results are collected at the end.
"""
print(dedent(doc))
print(indent(dedent(doc), "> "))
print(indent("a\n\n b\n", "+", lambda line: True))
text = "The quick brown fox jumps over the lazy dog. " * 4
print(wrap(text, 30))
print(fill(text, width=25, initial_indent="* ", subsequent_indent="  "))
print(textwrap.shorten("Hello  world,   this is a long sentence", width=20))
print(shorten("Hello world this is long", 15, placeholder=" [more]"))
print(fill("a\tb\tc", 10, tabsize=4), wrap("supercalifragilistic", 5))
print(wrap("x y z", 3, max_lines=1, placeholder="."), wrap(""), fill("", 3))
for bad in (lambda: wrap("a", 0), lambda: shorten("a b c d e", 2, placeholder="......"),
            lambda: wrap(5), lambda: wrap("a", colour=1), lambda: dedent(3),
            lambda: indent("a", 1)):
    try:
        print(bad())
    except (ValueError, TypeError, AttributeError) as e:
        print(type(e).__name__, e)
out = []
def report(i):
    out.append(fill(f"worker {i} " + "done " * (i + 2), 12, initial_indent=f"{i}: "))
ts = [threading.Thread(target=report, args=(i,)) for i in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print("\n".join(sorted(out)))
