import threading
from collections import namedtuple

Record = namedtuple("Record", "name city score")
raw = """  alice smith ,  paris , 88
BOB JONES, new york,92
  carol  white,london , 75
dave brown ,  tokyo,  61  """

records = []
lock = threading.Lock()

def parse(line):
    name, city, score = (part.strip() for part in line.split(","))
    rec = Record(" ".join(name.split()).title(), city.title(), int(score))
    with lock:
        records.append(rec)

threads = [threading.Thread(target=parse, args=(ln,)) for ln in raw.splitlines()]
for t in threads:
    t.start()
for t in threads:
    t.join()

records.sort(key=lambda r: (-r.score, r.name))
width = max(len(r.name) for r in records)
header = f"{'Name':<{width}} | {'City':^10} | Score"
print(header)
print("-" * len(header))
for r in records:
    bar = "#" * (r.score // 10)
    print(f"{r.name:<{width}} | {r.city:^10} | {r.score:>5} {bar}")
print()
initials = ["".join(p[0] for p in r.name.split()) for r in records]
print(initials, "-".join(initials).lower(), ", ".join(sorted(initials, reverse=True)))
text = "The quick brown fox jumps over the lazy dog"
print(text.count("o"), text.find("fox"), text.rfind("o"), text.index("lazy"), text.startswith(("A", "The")))
print(text.replace(" ", "_", 3), text.partition("fox"), text.rsplit(" ", 2))
print(text.swapcase()[:9], text.casefold().split()[-1], text.center(50, "*"))
print("42".zfill(6), "-7".zfill(4), "abc".ljust(6, ".") + "|", "abc".rjust(6) + "|")
print("a\tb\tc".expandtabs(4), repr("line1\nline2\r\n".splitlines(keepends=True)))
print("Hello"[::-1], "hello world".title(), "ß".upper(), "İ".lower() == "i̇", "x".isidentifier())
print("3.14".replace(".", "", 1).isdigit(), "٣".isdecimal(), "abc123".isalnum(), " ".isspace(), "Ab".istitle())
print(str.maketrans("abc", "xyz") == {97: 120, 98: 121, 99: 122}, "aabbcc".translate(str.maketrans("abc", "xyz", "c")))
print("{:>{w}}|{:<{w}}|".format("r", "l", w=4), "{0[0]}{0[1]}{1[k]}".format("ab", {"k": "!"}))
print("%s has %d items costing %.2f (%5.1f%%)" % ("cart", 3, 19.999, 12.345))
print("key=value;a=b".split(";"), dict(kv.split("=") for kv in "key=value;a=b".split(";")))
print(" | ".join(f"{k}:{v}" for k, v in sorted({"z": 1, "a": 2}.items())), "abc" * 2 + "!" , "-".join("abc"))
print(min(records, key=lambda r: len(r.city)).city, max(r.score for r in records), sorted(r.city for r in records)[0])
print(text.removeprefix("The ").removesuffix(" dog"), "Mississippi".lstrip("M").rstrip("i"), "xxhixx".strip("x"))
