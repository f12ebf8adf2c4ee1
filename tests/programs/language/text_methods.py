import threading
from collections import Counter

LINES = ["It was the best of times,\tit was", "the Age of Wisdom,\tit WAS", "STRASSE straße"]
counts = Counter()
lock = threading.Lock()


def count_words(line):
    words = [w.strip(",").casefold() for w in line.expandtabs(4).split()]
    with lock:
        counts.update(words)


threads = [threading.Thread(target=count_words, args=(line,)) for line in LINES]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:4])
print([line.expandtabs() for line in LINES[:2]], "a\tb".expandtabs(tabsize=2))
print("report.txt".removesuffix(".txt"), "v1.2".removeprefix("v"), "abc".removeprefix("x"))
print("is_valid".isidentifier(), "2x".isidentifier(), "½".isnumeric(), "½".isdecimal(),
      "Hello World".istitle(), "café".isascii(), "tab\t".isprintable())
stock = {"apples": 3, "pears": 0}
print(stock.popitem(), stock, (2.5).is_integer(), (4.0).is_integer(), (255).bit_count())
no_punct = str.maketrans("", "", ",.!")
print("Hi, you. Go!".translate(no_punct), "abc".translate(str.maketrans("ab", "xy")),
      "abc".translate({97: "AAA", 98: None}), sorted("".maketrans({"a": "b"}).items()))
print(dict.fromkeys("abc", 0), dict.fromkeys(range(2)), {}.fromkeys(["k"], []))
try:
    str.maketrans("ab", "c")
except ValueError as e:
    print(e)
