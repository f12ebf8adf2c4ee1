import threading
from collections import Counter
import string

TEXT = """It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness,
it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness"""

lines = TEXT.splitlines()
totals = Counter()
lock = threading.Lock()


def count_line(idx, line):
    words = line.lower().translate(str.maketrans("", "", string.punctuation)).split()
    local = Counter(words)
    with lock:
        totals.update(local)
    print(f"[{idx}] {len(words):2d} words, longest={max(words, key=len)!r}, "
          f"caps={sum(1 for w in line.split() if w[0].isupper())}")


threads = []
for i, line in enumerate(lines):
    t = threading.Thread(target=count_line, args=(i, line))
    threads.append(t)
    t.start()
    t.join()

for word, n in totals.most_common(5):
    print(f"{word:.<12}{n:>3}")
print(" | ".join(w.capitalize() for w in sorted(totals, key=lambda w: (-totals[w], w))[:4]))
print(TEXT.count("it was"), TEXT.find("age"), TEXT.rfind("age"), TEXT[:10].center(20, "*"))
print("best".zfill(8), "a,b,,c".split(","), " x ".strip(), "Title Case".swapcase())
print("-".join(reversed(lines[0].split()[:3])), lines[1].startswith("it"), "%5.1f%%" % 12.345)
print("{:<6}|{:^6}|{:>6}".format("l", "c", "r"), "{0}{1}{0}".format("ab", "-"))
print("tab\tsep".expandtabs(4), repr("quote's"), ascii("é"), "ß".upper(), "ǅ".lower())
