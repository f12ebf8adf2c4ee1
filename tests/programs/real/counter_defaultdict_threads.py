import threading
from collections import Counter, defaultdict

text = """the quick brown fox jumps over the lazy dog the fox barks
and the dog sleeps while the quick fox runs away from the dog"""
lines = text.splitlines()
total = Counter()
by_letter = defaultdict(list)
lock = threading.Lock()


def count(line):
    words = line.split()
    local = Counter(words)
    with lock:
        total.update(local)
        for w in sorted(set(words)):
            by_letter[w[0]].append(w)


threads = [threading.Thread(target=count, args=(line,)) for line in lines]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(total.most_common(3))
print(sorted((k, sorted(set(v))) for k, v in by_letter.items())[:4])
print(total["fox"], total["cat"], sum(total.values()), len(total))
print(total - Counter({"the": 5}), +Counter(a=-1, b=2))
