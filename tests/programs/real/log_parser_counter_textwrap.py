import textwrap
import threading
from collections import Counter, defaultdict
from itertools import groupby, chain

LOG = """\
2024-01-05 10:00:01 INFO  user=alice action=login
2024-01-05 10:00:07 WARN  user=bob action=retry code=503
2024-01-05 10:01:12 ERROR user=alice action=upload code=500
2024-01-05 10:02:45 INFO  user=carol action=login
2024-01-05 10:03:01 ERROR user=bob action=upload code=504
2024-01-05 10:04:59 INFO  user=alice action=logout"""

levels = Counter()
by_user = defaultdict(list)
lock = threading.Lock()


def parse(chunk):
    local = Counter()
    for line in chunk:
        date, time_, level, *rest = line.split()
        fields = dict(kv.split("=") for kv in rest)
        local[level] += 1
        with lock:
            by_user[fields["user"]].append((time_, fields["action"]))
    with lock:
        levels.update(local)


lines = LOG.splitlines()
chunks = [lines[i:i + 2] for i in range(0, len(lines), 2)]
threads = [threading.Thread(target=parse, args=(c,)) for c in chunks]
for t in threads:
    t.start()
for t in threads:
    t.join()

print(levels.most_common(), sum(levels.values()))
for user in sorted(by_user):
    actions = sorted(by_user[user])
    print(f"{user:>6}: " + ", ".join(f"{a}@{t[:5]}" for t, a in actions))
errors = [l for l in lines if "ERROR" in l]
print(textwrap.fill(" ".join(errors), width=50))
print(textwrap.shorten(LOG, width=40, placeholder=" [...]"))
for level, group in groupby(sorted(levels.elements())):
    print(level, len(list(group)))
print(list(chain.from_iterable(v for v in by_user.values()))[:2])
print("%-6s|%6.1f|%03d|%x" % ("pad", 3.14159, 7, 255), "{:*^9}".format("mid"))
