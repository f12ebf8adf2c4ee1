import threading
import string
import textwrap
from collections import Counter, defaultdict, OrderedDict, ChainMap, deque
import itertools
import operator

TEXT = """It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness, it was the spring of hope,
it was the winter of despair."""

lines = TEXT.splitlines()
partials = []
lock = threading.Lock()

def count_words(line):
    words = line.lower().translate(str.maketrans("", "", string.punctuation)).split()
    c = Counter(words)
    with lock:
        partials.append(c)

threads = [threading.Thread(target=count_words, args=(ln,)) for ln in lines]
for t in threads:
    t.start()
for t in threads:
    t.join()

total = sum(partials, Counter())
print(total.most_common(4))
print(len(total), total["was"], total["missing"], sum(total.values()))
first_two = partials[0] + partials[1]
print((total - first_two).most_common(2), (partials[0] & partials[1]).most_common(1))
print(sorted((partials[0] | partials[1]).items())[:3])
c = Counter("mississippi")
c.subtract("sip")
print(c, +c, -Counter(a=-2, b=1), sorted(c.elements()))
by_letter = defaultdict(list)
for w in sorted(total):
    by_letter[w[0]].append(w)
print({k: v for k, v in by_letter.items() if len(v) > 1})
lengths = defaultdict(int)
for w, n in total.items():
    lengths[len(w)] += n
print(sorted(lengths.items()))
od = OrderedDict.fromkeys("abc", 0)
od.move_to_end("a")
od["d"] = 4
print(od, list(od), od.popitem(last=False))
defaults = {"color": "red", "size": "M"}
user = {"size": "L"}
cm = ChainMap(user, defaults)
print(cm["color"], cm["size"], len(cm), dict(cm), cm.maps[0] is user)
cm2 = cm.new_child({"color": "blue"})
print(cm2["color"], cm2.parents["color"])
recent = deque(total.most_common(), maxlen=3)
recent.rotate(1)
print(recent, recent[0], list(reversed(recent)))
groups = itertools.groupby(sorted(total, key=len), key=len)
print({k: len(list(g)) for k, g in groups})
pairs = list(itertools.combinations("abc", 2)), list(itertools.permutations([1, 2, 3], 2))[:3]
print(pairs, list(itertools.product("xy", repeat=2)))
print(list(itertools.chain.from_iterable([[1], [2, 3]])), list(itertools.zip_longest("ab", "xyz", fillvalue="-")))
print(list(itertools.takewhile(lambda n: n < 4, [1, 3, 5, 2])), list(itertools.dropwhile(lambda n: n < 4, [1, 3, 5, 2])))
print(list(itertools.starmap(operator.pow, [(2, 3), (3, 2)])), list(itertools.pairwise("abcd")), list(itertools.compress("abcd", [1, 0, 1, 0])))
print(sorted(total.items(), key=operator.itemgetter(1, 0), reverse=True)[:3])
print(textwrap.fill(" ".join(sorted(total)), width=50))
print(textwrap.shorten(TEXT, width=40, placeholder=" [...]"))
print(textwrap.indent("a\nb", "> "), textwrap.dedent("    x\n      y"), sep="\n")
print(string.ascii_uppercase[:5], string.digits, string.capwords("hello big world"))
tmpl = string.Template("$who likes ${what}!")
print(tmpl.substitute(who="Ann", what="tea"), tmpl.safe_substitute(who="Bo"))
